# Placard's pages, in English: the reference locale. Every other file has exactly these
# messages (a test checks it), with the same variables.
#
# Keep sentences short and plain: many supporters read them on a phone, in a second
# language. `js-*` messages are used by the page script: there `{ $name }` arguments are
# filled in by the browser.

## Every page

skip-to-content = Skip to content
languages-nav = Language
footer-free-software = Placard is free software under the GNU AGPL:
footer-source = its source code
back = Back
add-your-photo = Add your photo

## Dates and numbers

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
# $day, $month (the month's name), $year, $time (24-hour, "20:50").
date-day = { $day } { $month } { $year }
date-time = { $day } { $month } { $year }, { $time } UTC
age-seconds = { $n } s
age-minutes = { $n } min
age-hours = { $n } h
age-days = { $n ->
    [one] { $n } day
   *[other] { $n } days
}

## The front door

home-title = Campaigns
home-fresh-heading = Nothing here yet
home-fresh-intro = This Placard has no campaigns or contests yet. To start one:
home-fresh-step-account = On the server, create an account for yourself:
home-fresh-step-token = It prints your token, once: keep it somewhere safe.
home-fresh-step-sign-in = Then sign in with that token and create your first campaign:
home-campaigns = Photo petitions
home-no-campaigns = No petition is taking photos right now.
home-contests = Slogan contests
home-staff-run = Staff: run a campaign
home-staff-moderate = moderate
home-staff-judge = judge
home-opens = Opens { $when }
home-open-until = Open until { $when }
home-open = Open
home-entries-from = Entries from { $when }
home-opening-soon = Opening soon
home-entries-until = Entries until { $when }
home-winner-on = Winner announced { $when }
home-winner = Winner announced

## A campaign's page

campaign-see-gallery = See the gallery of photos
campaign-see-mosaic = everyone together
campaign-send-heading = Send your photo
campaign-send-intro = Take a photo of yourself holding the campaign logo, and send it here. We remove the location, camera and any other hidden data from it before anyone sees it.
campaign-photo-label = Your photo (JPEG, PNG or WebP, up to { $max_mib } MB)
campaign-preview-alt = Preview of the photo you chose
campaign-blur-legend = Hide your face, or anything else (optional)
campaign-blur-how = Draw a box over what should not be seen: drag on the photo with your finger or mouse, or use “Add a box”, then move it with the arrow keys (Shift + arrows changes its size, Delete removes it). Everything inside a box becomes large squares in every copy we keep, before any moderator sees it, and the photo as you sent it is deleted.
campaign-blur-limits = It does not hide what is outside the boxes: your clothes, tattoos, the place behind you, or the name you give. If that could identify you, cover it too or choose another photo.
campaign-blur-add = Add a box
campaign-name-label = Your name, as it may appear in the gallery (optional)
campaign-country-label = Country (optional)
campaign-country-none = Prefer not to say
campaign-caption-label = Caption (optional, up to 280 characters)
campaign-send-button = Send my photo
campaign-opens-from = Photos are welcome from { $when }.
campaign-closed-on = This campaign stopped taking photos on { $when }.
counter-supporters = { $n ->
    [one] { $n } supporter
   *[other] { $n } supporters
}
counter-supporters-countries = { $n ->
    [one] { $n } supporter
   *[other] { $n } supporters
} from { $countries ->
    [one] { $countries } country
   *[other] { $countries } countries
}
moderation-note = Every photo is checked by a person before it is shown: { $shown } shown, { $hidden } not shown so far. A photo is usually checked within { $wait }.
wait-minutes = { $n ->
    [one] { $n } minute
   *[other] { $n } minutes
}
wait-hours = { $n ->
    [one] { $n } hour
   *[other] { $n } hours
}
wait-days = { $n ->
    [one] { $n } day
   *[other] { $n } days
}
consent-photo-standard = I agree that this campaign may show my photo, with the name, country and caption I give, in its public gallery once a moderator has approved it. I can withdraw it at any time with the link on my receipt.
consent-entry-standard = I agree that my slogan and name may be published if it is shortlisted or wins. Judges see the slogan only, never who wrote it.

## The gallery and the mosaic

gallery-title = Gallery · { $title }
gallery-heading = { $title }: the gallery
gallery-empty = No photos here yet.
gallery-photo-from = Photo from { $name }
gallery-photo-anonymous = A supporter's photo
gallery-more = More photos
gallery-caption-more = more
gallery-mosaic-link = All the photos as one picture
gallery-share-heading = Share the gallery
gallery-share-label = The gallery's address
photo-back = Back to the gallery
photo-share-heading = Share this photo
photo-share-label = This photo's address
mosaic-heading = { $title }: everyone together
mosaic-how = Every approved photo is one square. Tap or click a square to see its photo; pinch or zoom to look closer.
mosaic-how-logo = Every approved photo is one square, placed so that together they draw the campaign's logo. Tap or click a square to see its photo; pinch or zoom to look closer.
mosaic-alt = A mosaic of the supporters' photos
mosaic-none = The mosaic appears here once the first photos are approved.
mosaic-gallery-link = The gallery, photo by photo
mosaic-keys = With a keyboard: move to the mosaic, choose a square with the arrow keys (Home and End for the ends of a row), and open its photo with Enter.
mosaic-label = The mosaic: the arrow keys choose a square, Enter opens its photo

## Receipts, status pages, withdrawing

receipt-title = Receipt
receipt-photo-heading = Thank you! Your photo has been received.
receipt-slogan-heading = Thank you! Your slogan has been received.
receipt-photo-keep = This is your receipt. Bookmark this link: it is the only way to check on your photo or withdraw it. Anyone with the link can do both, so keep it to yourself.
receipt-slogan-keep = This is your receipt. Bookmark this link: it is the only way to check on your slogan or withdraw it. Anyone with the link can do both, so keep it to yourself.
status-photo-title = Your photo
status-slogan-title = Your slogan
status-label = Status:
status-check-again = Check again
status-photo-alt = Your photo
status-held-heading = What we hold about you
status-received = received
status-processing = processing
status-pending-review = pending review
status-approved = approved
status-rejected = rejected
status-failed = failed
held-name = Name
held-country = Country
held-caption = Caption
held-boxes = Boxes hidden
held-boxes-some = { $n } (pixelated in every copy we keep)
held-boxes-none = none
held-email = Email (deleted at the announcement)
held-not-given = (not given)
held-agreed = You agreed to
held-on = On
photo-received = We have your photo and are preparing it. This page updates by itself.
photo-pending = Your photo is ready and waiting for a moderator to look at it.
photo-approved = Your photo is approved and shown in the gallery. Thank you!
photo-rejected = Your photo was not approved, because { $reason }. You are welcome to send another.
entry-pending = Your slogan is waiting for a moderator to look at it.
entry-approved = Your slogan is approved and in the hands of the judges. Good luck!
entry-rejected = Your slogan was not accepted, because { $reason }.
because-no-logo = the campaign logo could not be seen
because-inappropriate = it was not suitable for the gallery
because-duplicate = it repeats a photo we already have
because-poor-quality = the picture was not clear enough
because-privacy = it could put someone's privacy at risk
because-spam = it did not belong to this campaign
because-other = of a reason the moderators noted
failure-unreadable = We could not read this file as a photo: it may be damaged or cut off. Please try sending it again, or another one.
failure-encode-failed = We could not make the small copies of this photo that the gallery needs. Please try sending another one.
failure-too-slow = This file takes far longer to open than a photo should, so we stopped. Please send the photo again as a plain JPEG (a screenshot of it works too).
withdraw-photo-summary = Withdraw my photo
withdraw-slogan-summary = Withdraw my slogan
withdraw-photo-warning = Withdrawing erases your photo and everything you told us with it. This cannot be undone.
withdraw-slogan-warning = Withdrawing erases your slogan and everything you told us with it. This cannot be undone.
withdraw-photo-button = Withdraw and erase my photo
withdraw-slogan-button = Withdraw and erase my slogan
withdrawn-title = Withdrawn
withdrawn-photo = Your photo has been withdrawn and erased: it is gone from our storage, and your name, country and caption with it. This link no longer works.
withdrawn-slogan = Your slogan has been withdrawn and erased: it is gone from our storage, and your name and email with it. This link no longer works.

## A contest's page

contest-entries-close = Entries close on { $when }.
contest-announced-on = The winner is announced on
contest-enter-heading = Enter your slogan
contest-slogan-label = Your slogan (3 to 120 characters)
contest-author-label = Your name, as it would be announced
contest-email-label = Email, if you would like us to tell you the result (optional, never shown)
contest-enter-button = Enter my slogan
contest-upcoming = This contest is not taking entries yet.
contest-judging = Entries are closed: the judges are at work.
results-heading = The results
results-announced-on = Announced on
results-winner = The winning slogan:
results-by = by { $name }
results-no-winner = No slogan was chosen.
results-shortlist = Also on the shortlist
results-fingerprint = The results were frozen at the announcement. Their fingerprint (the SHA-256 of the manifest):
results-entries = { $n ->
    [one] Chosen from { $n } approved slogan.
   *[other] Chosen from { $n } approved slogans.
}
results-verify = Anyone can check them: the manifest lists every entry and every score (judges unnamed), and its SHA-256 is this fingerprint. Open the
results-manifest = manifest
results-pending = The results are being published. This page will show them in a moment.

## What went wrong, per error code (the API's own message stays English)

notice-error-title = Something went wrong
notice-not-found-title = Not found
notice-failed-title = That did not work
error-consent-required = Please tick the consent box: we can only show your photo or slogan with your permission.
error-invalid-field = Something in the form needs another look.
error-payload-too-large = This photo is too big to send. Please choose one under { $max_mib } MB, or a smaller copy of it.
error-request-timeout = The photo stopped arriving before it was complete: the connection may have dropped. Please try again.
error-unsupported-media-type = We can only take JPEG, PNG or WebP photos. Please choose another file.
error-invalid-image = We could not read this photo: the file may be damaged or incomplete. Please try another one.
error-image-too-large = This photo has too many pixels for us to handle. Please send a smaller copy of it.
error-image-too-small = This photo is too small to be seen well. Please choose one at least { $min_side } pixels on its short side.
error-submissions-closed = This campaign is not taking photos at the moment.
error-entries-closed = This contest is not taking entries any more.
error-invalid-slogan = A slogan must be between 3 and 120 characters.
error-duplicate-entry = Someone has already entered this slogan. Try putting it in your own words.
error-rate-limited = Too many tries from your connection in a short time. Please wait a minute and try again.
error-not-found = We could not find this page. The link may be mistyped, or the photo or entry has been withdrawn.
error-unauthenticated = This link is not complete: use the whole link from your receipt.
error-internal-error = Something went wrong on our side. Nothing was saved; please try again in a moment.
error-unavailable = Placard is busy or under maintenance. Nothing was saved; please try again in a few minutes.
error-invalid-query = This page link is not valid.

## Staff: signing in, the bar on every staff page

signin-heading = Sign in
signin-moderate = Sign in to moderate
signin-judge = Sign in to judge
signin-admin = Sign in to run campaigns
signin-token = Staff token
signin-button = Sign in
signin-hint = Signing in opens a session on this site for 12 hours; your token is not kept in the browser. Signing out ends the session.
signin-expired = This sign-in form has expired or did not come from this site. Enter your token again.
signin-unknown = That token was not recognised. Check it and try again.
signin-wrong-role = You are signed in, but your account does not have this role. Sign in with another token.
staff-signed-in-as = Signed in as
staff-sign-out = Sign out
staff-shortcuts-on = Keyboard shortcuts (single keys)

## Moderation

moderate-title = Moderation
moderate-review = Review
moderate-photos-of = Photos: { $title }
moderate-slogans-of = Slogans: { $title }
moderate-mode = Mode
moderate-options = Options
moderate-filter = Show
moderate-filter-pending = Awaiting review
moderate-filter-flagged = Flagged only: duplicates and near duplicates
moderate-filter-approved = Approved
moderate-filter-rejected = Rejected
moderate-mode-one = One at a time
moderate-mode-grid = Grid (select several)
moderate-blur = Blur photos until I tap one or press V
moderate-logo-alt = The campaign's logo
moderate-logo-caption = The logo to look for
moderate-decision = Decision
moderate-approve = Approve
moderate-reject = Reject…
moderate-skip = Skip
moderate-previous = Previous
moderate-undo = Undo
moderate-zoom = Zoom
moderate-sitting-reset = Start a new sitting
moderate-under-review = Photo under review
moderate-current-alt = The photo to review
moderate-related-alt = The earlier photo it resembles
moderate-grid-label = Photos awaiting review
moderate-bulk-approve = Approve selected
moderate-reason = Reason
moderate-bulk-reject = Reject selected
moderate-entries-label = Slogan entries awaiting review
moderate-reasons-label = Rejection reasons
moderate-reject-because = Reject because…
moderate-cancel = Cancel
reason-no-logo = No logo visible
reason-inappropriate = Inappropriate
reason-duplicate = Duplicate
reason-poor-quality = Poor quality
reason-privacy = Privacy risk
reason-spam = Spam
reason-other = Other
keys-heading = Keys
keys-approve = approve
keys-reject = reject, with the reason
keys-undo = undo the last decision
keys-zoom = zoom to the original and back
keys-reveal = show or blur the photo again (when photos are blurred)
keys-next = next (skip)
keys-previous = previous (lists)
keys-select = select (grid)

## Judging

judge-title = Judging
judge-contest = Contest
judge-blind = Slogans are shown without their authors.
judge-keys = Keys: J and K move, 1 to 9 score, 0 scores 10.
judge-ranking = Ranking
judge-show-ranking = Show the ranking
judge-pin = Pin the ticked entries as the shortlist
judge-state-upcoming = Entries open on { $opens }. Judging ends at the announcement, { $announce }.
judge-state-open = Taking entries until { $closes }. Judging ends at the announcement, { $announce }.
judge-state-judging = Entries are closed. Judging ends at the announcement, { $announce }.
judge-state-announced = Announced on { $announced }. The scores are final: this page is read-only.
judge-calibration = How scores are compared: each judge's scores are measured from that judge's own average (0) in steps of their usual spread, so a harsh and a lenient judge count alike.
judge-ranking-wait = The ranking opens once you have scored every slogan, so that other judges' scores cannot sway yours.
judge-ranking-chair = As an admin you chair the jury: you may open the ranking at any time.
judge-pin-hint = Tick slogans and pin them to choose the shortlist by hand.
judge-unpin = Unpin: back to the automatic shortlist

## The operator's pages

admin-nav = Running campaigns
admin-dashboard = Dashboard
admin-new-campaign = New campaign
admin-new-contest = New contest
admin-staff = Staff
admin-failed-jobs = Failed jobs
admin-moderate = Moderate
admin-state = State:
admin-public-page = public page
admin-saved = Saved.
admin-save = Save changes
admin-stale-campaign = Someone else saved this campaign while you were editing it. Your changes are below: reload the page to see theirs, then make yours again.
admin-stale-contest = Someone else saved this contest while you were editing it: reload the page and make your change again.
admin-date-format = Give a date and time, such as 2027-06-26 09:00.
state-upcoming = upcoming
state-open = open
state-closed = closed
state-judging = judging
state-announced = announced
dashboard-dead-jobs = { $n ->
    [one] { $n } failed job needs a look.
   *[other] { $n } failed jobs need a look.
}
dashboard-no-campaign = No campaign yet.
dashboard-create-first = Create the first one
dashboard-no-contest = No contest yet.
dashboard-create-contest = Create one
col-campaign = Campaign
col-contest = Contest
col-state = State
col-waiting = Waiting
col-oldest = Oldest waiting
col-approved = Approved
col-rejected = Rejected
col-processing = Processing
col-failed = Failed
campaign-new = New campaign
campaign-create = Create campaign
campaign-closes-on = closes { $when }
campaign-exports = Approved photos:
campaign-export-csv = download as CSV
campaign-export-zip = download with the photos (ZIP)
campaign-export-gallery = gallery
campaign-close-now = Close now: stop taking photos
campaign-texts = Texts
campaign-slug-label = Web address: /c/…
campaign-slug-hint = 2–64 lower-case letters, digits and single hyphens, e.g. support-dont-punish. It cannot be changed later.
field-title = Title
field-description = Description
campaign-consent-label = What supporters agree to
campaign-consent-hint = Left empty: “{ $standard }” A changed text is a new version; photos already sent keep the one they agreed to.
campaign-when = When it takes photos (times in UTC)
campaign-opens-label = Opens (UTC; empty: at once)
campaign-closes-label = Closes (UTC; empty: never)
campaign-languages = Languages
campaign-languages-hint = The pages speak each visitor's language among those ticked. Titles, descriptions and consent texts left empty in a language show the ones above (Placard's own consent text is translated).
campaign-language-used = Pages may speak
campaign-language-default = Default language
campaign-embedding = Embedding and retention
campaign-frame-label = Sites that may embed the form (one origin per line, https://host[:port])
campaign-rejected-days = Delete a rejected photo this many days after the decision
campaign-originals-days = Delete approved originals this many days after the campaign closes (empty: keep)
campaign-webhooks-hint = Webhooks are set through the API, so that their secrets never show on a page:
campaign-care = Moderators and privacy
campaign-blur-previews = Blur the photos on the moderation screen until a moderator chooses to look
campaign-blur-previews-hint = For campaigns whose photos may be hard to look at: each photo is shown by a tap, a key or keyboard focus, never by a pointer passing over it.
campaign-pause-after = Suggest a pause after this many photos in one sitting
campaign-pause-after-hint = 0: never. About 200 photos is an hour at a steady pace.
campaign-privacy-url = Your organisation's privacy notice (https:// address)
campaign-privacy-url-hint = Linked from the privacy panel of the campaign's page. Leave empty for none.
logo-heading = Logo
logo-none = No logo yet. Moderators compare photos with it.
logo-new-label = A new logo (JPEG, PNG or WebP; its metadata is removed)
logo-upload = Upload logo
logo-not-changed = The logo was not changed: { $why }
contest-new = New slogan contest
contest-create = Create contest
contest-announced-locked = The winner has been announced: the contest can no longer be changed.
contest-slug-label = Web address: /k/…
contest-timeline = Timeline (times in UTC)
contest-opens-label = Entries open (UTC; empty: at once)
contest-closes-label = Entries close (UTC)
contest-announce-label = Winner announced (UTC)
contest-shortlist-label = Shortlist size
staff-heading = Staff accounts
staff-new-token-for = New token for { $name }
staff-token-for = Token for { $name }
staff-token-give = Give it to { $name } by a safe channel. It is shown this once: Placard keeps only its fingerprint.
staff-token-old-gone = The old token and every page session signed in with it no longer work.
staff-token = Token
staff-copy = Copy
staff-col-name = Name
staff-col-role = Role
staff-col-campaigns = Campaigns
staff-col-last-seen = Last seen
staff-col-actions = Actions
staff-since = since { $when }
staff-all-campaigns = all
staff-change = Change
staff-save-campaigns = Save campaigns
staff-revoked-on = revoked { $when }
staff-new-token = New token
staff-revoke = Revoke
staff-revoke-label = Revoke { $name }
staff-add = Add someone
staff-name-label = Name (shown in the audit log)
staff-name-taken = That name is taken: choose another.
staff-role-moderator = Moderator: reviews photos and slogans
staff-role-judge = Judge: scores slogans, blind
staff-role-admin = Admin: runs campaigns and staff
staff-scope-legend = A moderator may review (none ticked: every campaign)
staff-create = Create account
staff-never = never
role-moderator = moderator
role-judge = judge
role-admin = admin
jobs-retried = Queued again: it runs within moments.
jobs-none = No failed jobs. Work that fails for good after its retries shows here, with its error.
jobs-col-job = Job
jobs-col-failed = Failed
jobs-col-attempts = Attempts
jobs-col-error = Last error
jobs-col-action = Action
jobs-retry = Retry
jobs-retry-label = Retry { $job }

## The page script (the browser fills in the arguments)

js-blur-count = { $n ->
    [one] { $n } box: it will be pixelated.
   *[other] { $n } boxes: they will be pixelated.
}
js-blur-box = Box { $n }: arrows move it, Shift + arrows resize it, Delete removes it
js-blur-remove = Remove box { $n }
js-sending = Sending… { $pct }%
js-checking = Checking your photo…
js-connection-lost = The connection was lost while sending. Please check it and try again.
js-countdown-now = (now: the results are being published)
js-countdown-in = (in { $left })
js-days = { $n ->
    [one] { $n } day
   *[other] { $n } days
}
js-hours = { $n } h
js-minutes = { $n } min
js-seconds = { $n } s
js-session-ended = Your session has ended. Sign in again to go on.
js-no-caption = No caption or name.
js-photo-alt = Photo: { $what }
js-reject-prompt = Reject: choose the reason (or press its digit). Esc cancels.
js-not-rejected = Not rejected.
js-queue-done = Nothing left to review here. Well done.
js-queue-left = { $n ->
    [one] { $n } left
   *[other] { $n } left
}
js-queue-oldest = oldest sent { $age } ago
js-queue-held = { $n } held by other moderators
js-sent-ago = Sent { $age } ago
js-entries-end = { $n ->
    [one] End of the list: { $n } slogan, { $left } still to decide.
   *[other] End of the list: { $n } slogans, { $left } still to decide.
}
js-sitting-count = { $n ->
    [one] { $n } reviewed in this sitting.
   *[other] { $n } reviewed in this sitting.
}
js-pause-suggested = { $n } reviewed in this sitting. A short pause helps you judge well: the queue will wait.
js-skipped-back = Back to the photos you skipped.
js-nothing-to-moderate = There is nothing to moderate yet.
js-flag-duplicate = Duplicate: the same file as an earlier photo (shown beside it).
js-flag-near-duplicate = Near duplicate of an earlier photo (distance { $distance }, shown beside it).
js-flag-duplicate-short = duplicate
js-flag-near-duplicate-short = near duplicate
js-earlier-photo = Earlier photo, { $status }
js-state-received = received
js-state-processing = processing
js-state-pending-review = awaiting review
js-state-approved = approved
js-state-rejected = rejected
js-state-failed = failed
js-approved = Approved. U undoes.
js-rejected = Rejected ({ $reason }). U undoes.
js-bulk-approved = Approved { $ok } of { $all }. U undoes.
js-bulk-rejected = Rejected { $ok } of { $all }. U undoes.
js-undo-nothing = Nothing to undo.
js-undone = Undone: back in the queue.
js-scored-progress = { $n } of { $all } scored
js-score = Score
js-scored = Scored { $score }.
js-no-contest = There is no contest to judge yet.
js-no-slogans = No approved slogans to judge yet.
js-shortlist-aria = On the shortlist: { $slogan }
js-on-shortlist = on the shortlist
js-pinned = { $n ->
    [one] Shortlist pinned: { $n } entry.
   *[other] Shortlist pinned: { $n } entries.
}
js-shortlist-auto = Shortlist: automatic, the top { $size } of the ranking.
js-shortlist-pinned = Shortlist: pinned by hand. Pinned: { $n }; the contest asks for { $size }.
js-unpinned = Unpinned: the shortlist is the top { $size } of the ranking again.
js-ranking-meta = Score { $score } · judges: { $judges }
js-read-only = Announced: the scores can no longer be changed.
js-copied = Copied.
js-copy-by-hand = Select the text and copy it.
js-opening-photo = Opening the photo…
js-step-aside = I know the author: step aside
js-step-aside-confirm = Press again to step aside: your score of it will not count
js-stepped-aside = You stepped aside: that slogan is out of your list and your score of it does not count.
js-mosaic-square = Square { $n } of { $total }, row { $row }, column { $col }: Enter opens its photo.
js-shortcuts-off = Keyboard shortcuts are off: use the buttons.

## Privacy and the receipt

campaign-logo-alt = The campaign's logo, to hold in your photo
campaign-photo-hint = On a phone you can take the photo now, or choose one you have.
receipt-link-label = Your receipt link
receipt-open-status = Open my status page
receipt-bookmark-hint = Bookmark the status page, or copy the link somewhere safe: we cannot send it to you again.
privacy-heading = Your privacy
privacy-removed = Before your photo is stored, we remove its location, the camera's details and every other hidden piece of data.
privacy-who = Moderators see your photo and what you wrote, to check them. Once approved, everyone can see smaller copies in the gallery, with your name, country and caption if you gave them. The campaign's staff can download approved photos.
privacy-rejected-kept = { $days ->
    [0] A photo that is not approved is deleted at once.
    [one] A photo that is not approved is deleted { $days } day after the decision.
   *[other] A photo that is not approved is deleted { $days } days after the decision.
}
privacy-originals-kept = { $days ->
    [0] The original of an approved photo is deleted when the campaign closes.
    [one] The original of an approved photo is deleted { $days } day after the campaign closes.
   *[other] The original of an approved photo is deleted { $days } days after the campaign closes.
}
privacy-originals-campaign = The campaign keeps approved photos until it deletes them, or until you withdraw yours.
privacy-address = Your internet address is not stored with your photo. To stop one connection sending too much, only a keyed fingerprint of it is kept, for a day at most.
privacy-withdraw = You can withdraw your photo at any time with the link on your receipt: it is then erased, with everything you wrote.
privacy-at-risk = If being recognised could put you at risk: cover your face (draw a box over it), avoid places, tattoos or clothes that can be recognised, and leave your name empty.
privacy-operator-notice = The campaign's own privacy notice
withdrawn-home = Go to the front page

## Pairwise judging and the judges' report
judge-pair-heading = Which slogan is better?
judge-pair-keys = Keys: ← picks the slogan on the left, → the one on the right, S skips the pair.
judge-pair-skip = Skip: I cannot choose
judge-step-aside = I know the author: step aside
contest-judging-mode-label = How judges judge
contest-judging-mode-scores = Scores: each judge scores each slogan from 1 to 10
contest-judging-mode-pairwise = Pairwise: judges pick the better of two slogans
contest-judging-mode-hint = Fixed once entries close or a judge has judged.
contest-min-judgements-label = Judgements each slogan should have
judges-title = Judges' report
judges-judges = Judges
judges-none = No judges yet.
judges-col-judge = Judge
judges-col-scored = Scored
judges-col-compared = Comparisons
judges-col-leniency = Leniency
judges-col-reliability = Reliability
judges-col-agreement = Agreement
judges-explain-scores = Leniency: how much higher than the other judges this judge scores the same slogans, in steps of the usual spread (0: like the others). Agreement: how closely their order follows the others' ranking, from −1 (reversed) to 1 (the same).
judges-explain-pairwise = Reliability: how often this judge's choices fit the ranking (0.5: no better than tossing a coin). Agreement: how often they chose as the other judges' ranking would, from −1 (always against) to 1 (always with).
judges-under = Slogans with fewer than { $min } judgements
judges-all-covered = Every slogan has enough judgements.
judges-judgements = { $n ->
    [one] { $n } judgement
   *[other] { $n } judgements
}
judges-covered = Every slogan has enough judgements.
judges-on-pace = On pace: { $needed } judgements still needed, { $per_hour } an hour, { $hours } hours left.
judges-behind = Behind: { $needed } judgements still needed but only { $per_hour } an hour with { $hours } hours left. Ask the judges to do more, or add judges.
judges-announced = The contest is announced: judging is over.
js-compared-progress = { $n } compared in this sitting
js-pairs-done = You have compared every pair you can. Thank you.
js-preferred = Recorded: “{ $slogan }” is the better one.
js-pair-skipped = Skipped: that pair will not come back.
js-step-aside-confirm-pair = Press again to step aside: your comparisons with it will not count
js-stepped-aside-pair = You stepped aside: that slogan will not be shown to you again, and your comparisons with it do not count.
js-score-interval = { $score } (95 %: { $low } to { $high })
js-pairwise-method = How comparisons become a ranking: a Bradley–Terry fit over every judge's choices gives each slogan a score and a 95 % interval; a judge whose choices often go against the rest counts for less.
