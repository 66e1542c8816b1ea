# Placard en français. Les mêmes clés et variables que en.ftl (un test le vérifie).

## Toutes les pages

skip-to-content = Aller au contenu
languages-nav = Langue
footer-free-software = Placard est un logiciel libre sous licence GNU AGPL :
footer-source = son code source
back = Retour
add-your-photo = Ajoutez votre photo

## Dates et nombres

month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
date-day = { $day } { $month } { $year }
date-time = { $day } { $month } { $year } à { $time } UTC
age-seconds = { $n } s
age-minutes = { $n } min
age-hours = { $n } h
age-days = { $n ->
    [one] { $n } jour
   *[other] { $n } jours
}

## L'accueil

home-title = Campagnes
home-fresh-heading = Rien ici pour l'instant
home-fresh-intro = Ce Placard n'a encore ni campagne ni concours. Pour commencer :
home-fresh-step-account = Sur le serveur, créez-vous un compte :
home-fresh-step-token = La commande affiche votre jeton une seule fois : gardez-le en lieu sûr.
home-fresh-step-sign-in = Connectez-vous ensuite avec ce jeton et créez votre première campagne :
home-campaigns = Pétitions en photos
home-no-campaigns = Aucune pétition ne reçoit de photos en ce moment.
home-contests = Concours de slogans
home-staff-run = Équipe : gérer une campagne
home-staff-moderate = modérer
home-staff-judge = juger
home-opens = Ouvre le { $when }
home-open-until = Ouverte jusqu'au { $when }
home-open = Ouverte
home-entries-from = Participations à partir du { $when }
home-opening-soon = Ouvre bientôt
home-entries-until = Participations jusqu'au { $when }
home-winner-on = Résultat le { $when }
home-winner = Résultat annoncé

## La page d'une campagne

campaign-see-gallery = Voir la galerie des photos
campaign-see-mosaic = toutes ensemble
campaign-send-heading = Envoyez votre photo
campaign-send-intro = Prenez-vous en photo en tenant le logo de la campagne, et envoyez-la ici. Avant que quiconque la voie, nous en retirons le lieu, l'appareil et toutes les autres données cachées.
campaign-photo-label = Votre photo (JPEG, PNG ou WebP, jusqu'à { $max_mib } Mo)
campaign-preview-alt = Aperçu de la photo choisie
campaign-blur-legend = Cacher votre visage, ou autre chose (facultatif)
campaign-blur-how = Tracez un cadre sur ce qui ne doit pas se voir : faites glisser le doigt ou la souris sur la photo, ou utilisez « Ajouter un cadre », puis déplacez-le avec les flèches (Maj + flèches change sa taille, Suppr l'enlève). Tout ce qui est dans un cadre devient de gros carrés dans chaque copie que nous gardons, avant qu'un modérateur ne la voie, et la photo telle que vous l'avez envoyée est effacée.
campaign-blur-limits = Cela ne cache pas ce qui est hors des cadres : vos vêtements, vos tatouages, le lieu derrière vous ou le nom que vous donnez. Si cela peut vous identifier, cachez-le aussi ou choisissez une autre photo.
campaign-blur-add = Ajouter un cadre
campaign-name-label = Votre nom, tel qu'il peut apparaître dans la galerie (facultatif)
campaign-country-label = Pays (facultatif)
campaign-country-none = Je préfère ne pas le dire
campaign-caption-label = Légende (facultative, 280 caractères au plus)
campaign-send-button = Envoyer ma photo
campaign-opens-from = Les photos sont les bienvenues à partir du { $when }.
campaign-closed-on = Cette campagne a cessé de recevoir des photos le { $when }.
counter-supporters = { $n ->
    [one] { $n } soutien
   *[other] { $n } soutiens
}
counter-supporters-countries = { $n ->
    [one] { $n } soutien
   *[other] { $n } soutiens
} dans { $countries ->
    [one] { $countries } pays
   *[other] { $countries } pays
}
moderation-note = Chaque photo est vérifiée par une personne avant d'être montrée : { $shown } publiées et { $hidden } non publiées à ce jour. Une photo est en général vérifiée en moins de { $wait }.
wait-minutes = { $n ->
    [one] { $n } minute
   *[other] { $n } minutes
}
wait-hours = { $n ->
    [one] { $n } heure
   *[other] { $n } heures
}
wait-days = { $n ->
    [one] { $n } jour
   *[other] { $n } jours
}
consent-photo-standard = J'accepte que cette campagne montre ma photo, avec le nom, le pays et la légende que je donne, dans sa galerie publique une fois qu'un modérateur l'a approuvée. Je peux la retirer à tout moment avec le lien de mon reçu.
consent-entry-standard = J'accepte que mon slogan et mon nom soient publiés s'il est retenu parmi les finalistes ou s'il gagne. Le jury ne voit que le slogan, jamais qui l'a écrit.

## La galerie et la mosaïque

gallery-title = Galerie · { $title }
gallery-heading = { $title } : la galerie
gallery-empty = Pas encore de photos.
gallery-photo-from = Photo de { $name }
gallery-photo-anonymous = La photo d'un soutien
gallery-more = Plus de photos
gallery-caption-more = suite
gallery-mosaic-link = Toutes les photos en une seule image
gallery-share-heading = Partager la galerie
gallery-share-label = L’adresse de la galerie
photo-back = Retour à la galerie
photo-share-heading = Partager cette photo
photo-share-label = L’adresse de cette photo
mosaic-heading = { $title } : toutes ensemble
mosaic-how = Chaque photo approuvée est un carré. Touchez ou cliquez sur un carré pour voir sa photo ; zoomez pour regarder de plus près.
mosaic-how-logo = Chaque photo approuvée est un carré, placé pour qu'ensemble elles dessinent le logo de la campagne. Touchez ou cliquez sur un carré pour voir sa photo ; zoomez pour regarder de plus près.
mosaic-alt = Une mosaïque des photos des soutiens
mosaic-none = La mosaïque apparaîtra ici dès que les premières photos seront approuvées.
mosaic-gallery-link = La galerie, photo par photo
mosaic-keys = Au clavier : allez sur la mosaïque, choisissez une case avec les flèches (Début et Fin pour les bouts d’une ligne) et ouvrez sa photo avec Entrée.
mosaic-label = La mosaïque : les flèches choisissent une case, Entrée ouvre sa photo

## Reçus, pages de suivi, retrait

receipt-title = Reçu
receipt-photo-heading = Merci ! Votre photo a bien été reçue.
receipt-slogan-heading = Merci ! Votre slogan a bien été reçu.
receipt-photo-keep = Voici votre reçu. Gardez ce lien dans vos favoris : c'est le seul moyen de suivre votre photo ou de la retirer. Toute personne qui a le lien peut faire les deux : gardez-le pour vous.
receipt-slogan-keep = Voici votre reçu. Gardez ce lien dans vos favoris : c'est le seul moyen de suivre votre slogan ou de le retirer. Toute personne qui a le lien peut faire les deux : gardez-le pour vous.
status-photo-title = Votre photo
status-slogan-title = Votre slogan
status-label = État :
status-check-again = Vérifier à nouveau
status-photo-alt = Votre photo
status-held-heading = Ce que nous gardons sur vous
status-received = reçue
status-processing = en préparation
status-pending-review = en attente de vérification
status-approved = approuvée
status-rejected = refusée
status-failed = échec
held-name = Nom
held-country = Pays
held-caption = Légende
held-boxes = Cadres masqués
held-boxes-some = { $n } (pixelisés dans chaque copie que nous gardons)
held-boxes-none = aucun
held-email = E-mail (effacé à l'annonce)
held-not-given = (non indiqué)
held-agreed = Vous avez accepté
held-on = Le
photo-received = Nous avons votre photo et nous la préparons. Cette page se met à jour toute seule.
photo-pending = Votre photo est prête et attend qu'un modérateur la regarde.
photo-approved = Votre photo est approuvée et figure dans la galerie. Merci !
photo-rejected = Votre photo n'a pas été approuvée, car { $reason }. Vous pouvez en envoyer une autre.
entry-pending = Votre slogan attend qu'un modérateur le regarde.
entry-approved = Votre slogan est approuvé et entre les mains du jury. Bonne chance !
entry-rejected = Votre slogan n'a pas été accepté, car { $reason }.
because-no-logo = le logo de la campagne ne se voyait pas
because-inappropriate = elle ne convenait pas à la galerie
because-duplicate = elle répète une photo que nous avons déjà
because-poor-quality = l'image n'était pas assez nette
because-privacy = elle pouvait menacer la vie privée de quelqu'un
because-spam = elle n'avait rien à voir avec cette campagne
because-other = d'une raison notée par les modérateurs
failure-unreadable = Nous n'avons pas pu lire ce fichier comme une photo : il est peut-être abîmé ou coupé. Essayez de le renvoyer, ou envoyez-en un autre.
failure-encode-failed = Nous n'avons pas pu faire les petites copies de cette photo dont la galerie a besoin. Essayez d'en envoyer une autre.
failure-too-slow = Ce fichier met beaucoup plus de temps à s'ouvrir qu'une photo normale, alors nous avons arrêté. Renvoyez la photo en JPEG simple (une capture d'écran convient aussi).
withdraw-photo-summary = Retirer ma photo
withdraw-slogan-summary = Retirer mon slogan
withdraw-photo-warning = Retirer votre photo l'efface, avec tout ce que vous nous avez dit avec elle. C'est définitif.
withdraw-slogan-warning = Retirer votre slogan l'efface, avec tout ce que vous nous avez dit avec lui. C'est définitif.
withdraw-photo-button = Retirer et effacer ma photo
withdraw-slogan-button = Retirer et effacer mon slogan
withdrawn-title = Retiré
withdrawn-photo = Votre photo a été retirée et effacée : elle n'est plus dans notre stockage, ni votre nom, votre pays et votre légende. Ce lien ne fonctionne plus.
withdrawn-slogan = Votre slogan a été retiré et effacé : il n'est plus dans notre stockage, ni votre nom et votre e-mail. Ce lien ne fonctionne plus.

## La page d'un concours

contest-entries-close = Les participations ferment le { $when }.
contest-announced-on = Le slogan gagnant est annoncé le
contest-enter-heading = Proposez votre slogan
contest-slogan-label = Votre slogan (de 3 à 120 caractères)
contest-author-label = Votre nom, tel qu'il serait annoncé
contest-email-label = E-mail, si vous voulez connaître le résultat (facultatif, jamais affiché)
contest-enter-button = Envoyer mon slogan
contest-upcoming = Ce concours ne reçoit pas encore de participations.
contest-judging = Les participations sont closes : le jury est au travail.
results-heading = Les résultats
results-announced-on = Annoncés le
results-winner = Le slogan gagnant :
results-by = de { $name }
results-no-winner = Aucun slogan n'a été choisi.
results-shortlist = Également parmi les finalistes
results-fingerprint = Les résultats ont été figés à l'annonce. Leur empreinte (le SHA-256 du manifeste) :
results-entries = { $n ->
    [one] Choisi parmi { $n } slogan retenu.
   *[other] Choisi parmi { $n } slogans retenus.
}
results-verify = Chacun peut les vérifier : le manifeste liste chaque participation et chaque note (sans nommer les jurés), et son SHA-256 est cette empreinte. Ouvrir le
results-manifest = manifeste
results-pending = Les résultats sont en cours de publication. Cette page les affichera dans un instant.

## Ce qui n'a pas marché, par code d'erreur

notice-error-title = Un problème est survenu
notice-not-found-title = Introuvable
notice-failed-title = Cela n'a pas marché
error-consent-required = Cochez la case de consentement : nous ne pouvons montrer votre photo ou votre slogan qu'avec votre accord.
error-invalid-field = Un élément du formulaire est à revoir.
error-payload-too-large = Cette photo est trop lourde pour être envoyée. Choisissez-en une de moins de { $max_mib } Mo, ou une copie plus petite.
error-request-timeout = La photo a cessé d'arriver avant la fin : la connexion a peut-être été coupée. Réessayez.
error-unsupported-media-type = Nous n'acceptons que les photos JPEG, PNG ou WebP. Choisissez un autre fichier.
error-invalid-image = Nous n'avons pas pu lire cette photo : le fichier est peut-être abîmé ou incomplet. Essayez-en une autre.
error-image-too-large = Cette photo a trop de pixels pour nous. Envoyez-en une copie plus petite.
error-image-too-small = Cette photo est trop petite pour bien se voir. Choisissez-en une d'au moins { $min_side } pixels sur son petit côté.
error-submissions-closed = Cette campagne ne reçoit pas de photos en ce moment.
error-entries-closed = Ce concours ne reçoit plus de participations.
error-invalid-slogan = Un slogan doit faire entre 3 et 120 caractères.
error-duplicate-entry = Quelqu'un a déjà proposé ce slogan. Essayez de le dire avec vos propres mots.
error-rate-limited = Trop d'essais depuis votre connexion en peu de temps. Attendez une minute et réessayez.
error-not-found = Nous ne trouvons pas cette page. Le lien est peut-être mal recopié, ou la photo ou le slogan a été retiré.
error-unauthenticated = Ce lien est incomplet : utilisez le lien entier de votre reçu.
error-internal-error = Un problème est survenu de notre côté. Rien n'a été enregistré ; réessayez dans un instant.
error-unavailable = Placard est surchargé ou en maintenance. Rien n'a été enregistré ; réessayez dans quelques minutes.
error-invalid-query = Le lien de cette page n'est pas valide.

## Équipe : connexion, la barre des pages de l'équipe

signin-heading = Connexion
signin-moderate = Connectez-vous pour modérer
signin-judge = Connectez-vous pour juger
signin-admin = Connectez-vous pour gérer les campagnes
signin-token = Jeton de l'équipe
signin-button = Se connecter
signin-hint = La connexion ouvre une session sur ce site pour 12 heures ; votre jeton n'est pas gardé dans le navigateur. La déconnexion ferme la session.
signin-expired = Ce formulaire de connexion a expiré ou ne vient pas de ce site. Saisissez à nouveau votre jeton.
signin-unknown = Ce jeton n'a pas été reconnu. Vérifiez-le et réessayez.
signin-wrong-role = Vous êtes connecté, mais votre compte n'a pas ce rôle. Connectez-vous avec un autre jeton.
staff-signed-in-as = Connecté en tant que
staff-sign-out = Se déconnecter
staff-shortcuts-on = Raccourcis clavier (une seule touche)

## Modération

moderate-title = Modération
moderate-review = Vérifier
moderate-photos-of = Photos : { $title }
moderate-slogans-of = Slogans : { $title }
moderate-mode = Mode
moderate-options = Options
moderate-filter = Afficher
moderate-filter-pending = En attente de modération
moderate-filter-flagged = Signalées seulement : doublons et quasi-doublons
moderate-filter-approved = Approuvées
moderate-filter-rejected = Refusées
moderate-mode-one = Une à la fois
moderate-mode-grid = Grille (en choisir plusieurs)
moderate-blur = Flouter les photos jusqu’à ce que j’en touche une ou appuie sur V
moderate-logo-alt = Le logo de la campagne
moderate-logo-caption = Le logo à chercher
moderate-decision = Décision
moderate-approve = Approuver
moderate-reject = Refuser…
moderate-skip = Passer
moderate-previous = Précédent
moderate-undo = Annuler
moderate-zoom = Agrandir
moderate-sitting-reset = Commencer une nouvelle séance
moderate-under-review = Photo en cours de vérification
moderate-current-alt = La photo à vérifier
moderate-related-alt = La photo précédente qui lui ressemble
moderate-grid-label = Photos en attente de vérification
moderate-bulk-approve = Approuver la sélection
moderate-reason = Motif
moderate-bulk-reject = Refuser la sélection
moderate-entries-label = Slogans en attente de vérification
moderate-reasons-label = Motifs de refus
moderate-reject-because = Refuser, car…
moderate-cancel = Annuler
reason-no-logo = Logo invisible
reason-inappropriate = Inappropriée
reason-duplicate = Doublon
reason-poor-quality = Mauvaise qualité
reason-privacy = Risque pour la vie privée
reason-spam = Spam
reason-other = Autre
keys-heading = Touches
keys-approve = approuver
keys-reject = refuser, avec le motif
keys-undo = annuler la dernière décision
keys-zoom = agrandir à l’original et revenir
keys-reveal = afficher la photo ou la flouter à nouveau (quand les photos sont floutées)
keys-next = suivant (passer)
keys-previous = précédent (listes)
keys-select = choisir (grille)

## Jury

judge-title = Jury
judge-contest = Concours
judge-blind = Les slogans sont affichés sans leurs auteurs.
judge-keys = Touches : J et K pour se déplacer, 1 à 9 pour noter, 0 donne 10.
judge-ranking = Classement
judge-show-ranking = Afficher le classement
judge-pin = Épingler les slogans cochés comme finalistes
judge-state-upcoming = Les slogans seront reçus à partir du { $opens }. Le jugement se termine à l’annonce, le { $announce }.
judge-state-open = Les slogans sont reçus jusqu’au { $closes }. Le jugement se termine à l’annonce, le { $announce }.
judge-state-judging = Les slogans ne sont plus reçus. Le jugement se termine à l’annonce, le { $announce }.
judge-state-announced = Annoncé le { $announced }. Les notes sont définitives : cette page est en lecture seule.
judge-calibration = Comment les notes sont comparées : celles de chaque juré sont mesurées depuis sa propre moyenne (0), par pas de son écart habituel, pour qu’un juré sévère et un juré généreux comptent autant.
judge-ranking-wait = Le classement s’ouvre quand vous avez noté tous les slogans, pour que les notes des autres n’influencent pas les vôtres.
judge-ranking-chair = En tant qu’admin, vous présidez le jury : vous pouvez ouvrir le classement à tout moment.
judge-pin-hint = Cochez des slogans et épinglez-les pour choisir les finalistes à la main.
judge-unpin = Désépingler : revenir aux finalistes automatiques

## Les pages de gestion

admin-nav = Gestion des campagnes
admin-dashboard = Tableau de bord
admin-new-campaign = Nouvelle campagne
admin-new-contest = Nouveau concours
admin-staff = Équipe
admin-failed-jobs = Tâches en échec
admin-moderate = Modérer
admin-state = État :
admin-public-page = page publique
admin-saved = Enregistré.
admin-save = Enregistrer les modifications
admin-stale-campaign = Quelqu'un d'autre a enregistré cette campagne pendant que vous la modifiiez. Vos modifications sont ci-dessous : rechargez la page pour voir les siennes, puis refaites les vôtres.
admin-stale-contest = Quelqu'un d'autre a enregistré ce concours pendant que vous le modifiiez : rechargez la page et refaites votre modification.
admin-date-format = Indiquez une date et une heure, par exemple 2027-06-26 09:00.
state-upcoming = à venir
state-open = ouverte
state-closed = close
state-judging = jury au travail
state-announced = annoncé
dashboard-dead-jobs = { $n ->
    [one] { $n } tâche en échec est à regarder.
   *[other] { $n } tâches en échec sont à regarder.
}
dashboard-no-campaign = Pas encore de campagne.
dashboard-create-first = Créez la première
dashboard-no-contest = Pas encore de concours.
dashboard-create-contest = Créez-en un
col-campaign = Campagne
col-contest = Concours
col-state = État
col-waiting = En attente
col-oldest = La plus ancienne
col-approved = Approuvées
col-rejected = Refusées
col-processing = En préparation
col-failed = En échec
campaign-new = Nouvelle campagne
campaign-create = Créer la campagne
campaign-closes-on = ferme le { $when }
campaign-exports = Photos approuvées :
campaign-export-csv = télécharger en CSV
campaign-export-zip = télécharger avec les photos (ZIP)
campaign-export-gallery = galerie
campaign-close-now = Fermer maintenant : ne plus recevoir de photos
campaign-texts = Textes
campaign-slug-label = Adresse web : /c/…
campaign-slug-hint = De 2 à 64 lettres minuscules, chiffres et traits d'union isolés, par exemple support-dont-punish. Elle ne pourra plus être changée.
field-title = Titre
field-description = Description
campaign-consent-label = Ce que les soutiens acceptent
campaign-consent-hint = Laissé vide : « { $standard } » Un texte modifié est une nouvelle version ; les photos déjà envoyées gardent celle qu'elles ont acceptée.
campaign-when = Quand elle reçoit des photos (heures en UTC)
campaign-opens-label = Ouverture (UTC ; vide : tout de suite)
campaign-closes-label = Fermeture (UTC ; vide : jamais)
campaign-languages = Langues
campaign-languages-hint = Les pages parlent la langue de chaque visiteur parmi celles cochées. Les titres, descriptions et textes de consentement laissés vides dans une langue montrent ceux du dessus (le texte de consentement de Placard est traduit).
campaign-language-used = Les pages peuvent parler
campaign-language-default = Langue par défaut
campaign-embedding = Intégration et conservation
campaign-frame-label = Sites qui peuvent intégrer le formulaire (une origine par ligne, https://hôte[:port])
campaign-rejected-days = Effacer une photo refusée ce nombre de jours après la décision
campaign-originals-days = Effacer les originaux approuvés ce nombre de jours après la fermeture (vide : les garder)
campaign-webhooks-hint = Les webhooks se règlent par l'API, pour que leurs secrets n'apparaissent jamais sur une page :
campaign-care = Modération et vie privée
campaign-blur-previews = Flouter les photos sur l’écran de modération jusqu’à ce que la personne qui modère choisisse de les voir
campaign-blur-previews-hint = Pour les campagnes dont les photos peuvent être pénibles à voir : chaque photo s’affiche par un toucher, une touche ou le focus du clavier, jamais au simple passage du pointeur.
campaign-pause-after = Suggérer une pause après ce nombre de photos d’affilée
campaign-pause-after-hint = 0 : jamais. Environ 200 photos font une heure à rythme régulier.
campaign-privacy-url = La politique de confidentialité de votre organisation (adresse https://)
campaign-privacy-url-hint = Un lien y mène depuis le panneau de confidentialité de la page de la campagne. Laissez vide s’il n’y en a pas.
logo-heading = Logo
logo-none = Pas encore de logo. Les modérateurs comparent les photos avec lui.
logo-new-label = Un nouveau logo (JPEG, PNG ou WebP ; ses métadonnées sont retirées)
logo-upload = Envoyer le logo
logo-not-changed = Le logo n'a pas changé : { $why }
contest-new = Nouveau concours de slogans
contest-create = Créer le concours
contest-announced-locked = Le gagnant a été annoncé : le concours ne peut plus être modifié.
contest-slug-label = Adresse web : /k/…
contest-timeline = Calendrier (heures en UTC)
contest-opens-label = Ouverture des participations (UTC ; vide : tout de suite)
contest-closes-label = Clôture des participations (UTC)
contest-announce-label = Annonce du gagnant (UTC)
contest-shortlist-label = Nombre de finalistes
staff-heading = Comptes de l'équipe
staff-new-token-for = Nouveau jeton pour { $name }
staff-token-for = Jeton pour { $name }
staff-token-give = Transmettez-le à { $name } par un moyen sûr. Il n'est affiché qu'une fois : Placard n'en garde que l'empreinte.
staff-token-old-gone = L'ancien jeton et toutes les sessions ouvertes avec lui ne fonctionnent plus.
staff-token = Jeton
staff-copy = Copier
staff-col-name = Nom
staff-col-role = Rôle
staff-col-campaigns = Campagnes
staff-col-last-seen = Dernière visite
staff-col-actions = Actions
staff-since = depuis le { $when }
staff-all-campaigns = toutes
staff-change = Modifier
staff-save-campaigns = Enregistrer les campagnes
staff-revoked-on = révoqué le { $when }
staff-new-token = Nouveau jeton
staff-revoke = Révoquer
staff-revoke-label = Révoquer { $name }
staff-add = Ajouter quelqu'un
staff-name-label = Nom (visible dans le journal d'audit)
staff-name-taken = Ce nom est déjà pris : choisissez-en un autre.
staff-role-moderator = Modération : vérifie photos et slogans
staff-role-judge = Jury : note les slogans, à l'aveugle
staff-role-admin = Administration : gère campagnes et équipe
staff-scope-legend = Campagnes que la personne peut modérer (aucune cochée : toutes)
staff-create = Créer le compte
staff-never = jamais
role-moderator = modération
role-judge = jury
role-admin = administration
jobs-retried = Remise en file : elle s'exécute dans un instant.
jobs-none = Aucune tâche en échec. Le travail qui échoue pour de bon après ses nouvelles tentatives s'affiche ici, avec son erreur.
jobs-col-job = Tâche
jobs-col-failed = Échec
jobs-col-attempts = Tentatives
jobs-col-error = Dernière erreur
jobs-col-action = Action
jobs-retry = Réessayer
jobs-retry-label = Réessayer { $job }

## Le script des pages

js-blur-count = { $n ->
    [one] { $n } cadre : il sera pixelisé.
   *[other] { $n } cadres : ils seront pixelisés.
}
js-blur-box = Cadre { $n } : les flèches le déplacent, Maj + flèches change sa taille, Suppr l'enlève
js-blur-remove = Enlever le cadre { $n }
js-sending = Envoi… { $pct } %
js-checking = Vérification de votre photo…
js-connection-lost = La connexion a été perdue pendant l'envoi. Vérifiez-la et réessayez.
js-countdown-now = (maintenant : les résultats sont en cours de publication)
js-countdown-in = (dans { $left })
js-days = { $n ->
    [one] { $n } jour
   *[other] { $n } jours
}
js-hours = { $n } h
js-minutes = { $n } min
js-seconds = { $n } s
js-session-ended = Votre session a pris fin. Reconnectez-vous pour continuer.
js-no-caption = Ni légende ni nom.
js-photo-alt = Photo : { $what }
js-reject-prompt = Refuser : choisissez le motif (ou tapez son chiffre). Échap annule.
js-not-rejected = Pas refusée.
js-queue-done = Plus rien à vérifier ici. Bravo !
js-queue-left = { $n ->
    [one] { $n } restant
   *[other] { $n } restants
}
js-queue-oldest = le plus ancien envoyé il y a { $age }
js-queue-held = { $n } tenus par d’autres modérateurs
js-sent-ago = Envoyée il y a { $age }
js-entries-end = { $n ->
    [one] Fin de la liste : { $n } slogan, { $left } encore à décider.
   *[other] Fin de la liste : { $n } slogans, { $left } encore à décider.
}
js-sitting-count = { $n ->
    [one] { $n } vue dans cette séance.
   *[other] { $n } vues dans cette séance.
}
js-pause-suggested = { $n } vues dans cette séance. Une courte pause aide à bien juger : la file attendra.
js-skipped-back = Retour aux photos que vous avez passées.
js-nothing-to-moderate = Il n'y a encore rien à modérer.
js-flag-duplicate = Doublon : le même fichier qu'une photo précédente (affichée à côté).
js-flag-near-duplicate = Presque identique à une photo précédente (distance { $distance }, affichée à côté).
js-flag-duplicate-short = doublon
js-flag-near-duplicate-short = presque identique
js-earlier-photo = Photo précédente, { $status }
js-state-received = reçue
js-state-processing = en préparation
js-state-pending-review = en attente de vérification
js-state-approved = approuvée
js-state-rejected = refusée
js-state-failed = échec
js-approved = Approuvée. U annule.
js-rejected = Refusée ({ $reason }). U annule.
js-bulk-approved = { $ok } sur { $all } approuvées. U annule.
js-bulk-rejected = { $ok } sur { $all } refusées. U annule.
js-undo-nothing = Rien à annuler.
js-undone = Annulé : de retour dans la file.
js-scored-progress = { $n } sur { $all } notés
js-score = Note
js-scored = Noté { $score }.
js-no-contest = Il n'y a encore aucun concours à juger.
js-no-slogans = Pas encore de slogans approuvés à juger.
js-shortlist-aria = Parmi les finalistes : { $slogan }
js-on-shortlist = parmi les finalistes
js-pinned = { $n ->
    [one] Finalistes épinglés : { $n } slogan.
   *[other] Finalistes épinglés : { $n } slogans.
}
js-shortlist-auto = Finalistes : automatiques, les { $size } premiers du classement.
js-shortlist-pinned = Finalistes : épinglés à la main. Épinglés : { $n } ; le concours en prévoit { $size }.
js-unpinned = Désépinglé : les finalistes redeviennent les { $size } premiers du classement.
js-ranking-meta = Note { $score } · jurés : { $judges }
js-read-only = Annoncé : les notes ne peuvent plus être changées.
js-copied = Copié.
js-copy-by-hand = Sélectionnez le texte et copiez-le.
js-opening-photo = Ouverture de la photo…
js-step-aside = Je connais l’auteur : je me récuse
js-step-aside-confirm = Appuyez encore pour vous récuser : votre note ne comptera pas
js-stepped-aside = Vous vous êtes récusé : ce slogan n’est plus dans votre liste et votre note ne compte pas.
js-mosaic-square = Case { $n } sur { $total }, ligne { $row }, colonne { $col } : Entrée ouvre sa photo.
js-shortcuts-off = Les raccourcis clavier sont désactivés : utilisez les boutons.

## Vie privée et reçu

campaign-logo-alt = Le logo de la campagne, à tenir sur votre photo
campaign-photo-hint = Sur un téléphone, vous pouvez prendre la photo maintenant ou en choisir une.
receipt-link-label = Le lien de votre reçu
receipt-open-status = Ouvrir ma page de suivi
receipt-bookmark-hint = Ajoutez la page de suivi à vos favoris ou copiez le lien en lieu sûr : nous ne pouvons pas vous le renvoyer.
privacy-heading = Votre vie privée
privacy-removed = Avant d'enregistrer votre photo, nous en retirons le lieu, les détails de l'appareil et toute autre donnée cachée.
privacy-who = Les modérateurs voient votre photo et ce que vous avez écrit, pour les vérifier. Une fois approuvée, tout le monde peut en voir de petites copies dans la galerie, avec votre nom, votre pays et votre légende si vous les avez donnés. L'équipe de la campagne peut télécharger les photos approuvées.
privacy-rejected-kept = { $days ->
    [0] Une photo non approuvée est effacée aussitôt.
    [one] Une photo non approuvée est effacée { $days } jour après la décision.
   *[other] Une photo non approuvée est effacée { $days } jours après la décision.
}
privacy-originals-kept = { $days ->
    [0] L'original d'une photo approuvée est effacé à la fermeture de la campagne.
    [one] L'original d'une photo approuvée est effacé { $days } jour après la fermeture de la campagne.
   *[other] L'original d'une photo approuvée est effacé { $days } jours après la fermeture de la campagne.
}
privacy-originals-campaign = La campagne garde les photos approuvées jusqu'à ce qu'elle les efface, ou que vous retiriez la vôtre.
privacy-address = Votre adresse internet n'est pas enregistrée avec votre photo. Pour éviter qu'une connexion envoie trop, seule une empreinte chiffrée en est gardée, un jour au plus.
privacy-withdraw = Vous pouvez retirer votre photo à tout moment avec le lien de votre reçu : elle est alors effacée, avec tout ce que vous avez écrit.
privacy-at-risk = Si être reconnu peut vous mettre en danger : cachez votre visage (tracez un cadre dessus), évitez les lieux, tatouages ou vêtements reconnaissables, et laissez le nom vide.
privacy-operator-notice = La politique de confidentialité de la campagne
withdrawn-home = Aller à l'accueil

## Jugement par paires et rapport du jury
judge-pair-heading = Quel slogan est le meilleur ?
judge-pair-keys = Touches : ← choisit le slogan de gauche, → celui de droite, S passe la paire.
judge-pair-skip = Passer : je ne peux pas choisir
judge-step-aside = Je connais l’auteur : je me récuse
contest-judging-mode-label = Comment le jury juge
contest-judging-mode-scores = Notes : chaque juré note chaque slogan de 1 à 10
contest-judging-mode-pairwise = Par paires : le jury choisit le meilleur de deux slogans
contest-judging-mode-hint = Figé dès la clôture des participations ou le premier jugement.
contest-min-judgements-label = Jugements que chaque slogan devrait recevoir
judges-title = Rapport du jury
judges-judges = Jurés
judges-none = Pas encore de jurés.
judges-col-judge = Juré
judges-col-scored = Notés
judges-col-compared = Comparaisons
judges-col-leniency = Indulgence
judges-col-reliability = Fiabilité
judges-col-agreement = Accord
judges-explain-scores = Indulgence : de combien ce juré note plus haut que les autres les mêmes slogans, en pas de la dispersion habituelle (0 : comme les autres). Accord : à quel point son ordre suit le classement des autres, de −1 (inversé) à 1 (identique).
judges-explain-pairwise = Fiabilité : à quelle fréquence ses choix cadrent avec le classement (0,5 : pas mieux qu’à pile ou face). Accord : à quelle fréquence il a choisi comme le classement des autres, de −1 (toujours contre) à 1 (toujours avec).
judges-under = Slogans ayant moins de { $min } jugements
judges-all-covered = Chaque slogan a assez de jugements.
judges-judgements = { $n ->
    [one] { $n } jugement
   *[other] { $n } jugements
}
judges-covered = Chaque slogan a assez de jugements.
judges-on-pace = Dans les temps : encore { $needed } jugements, { $per_hour } par heure, { $hours } heures restantes.
judges-behind = En retard : encore { $needed } jugements mais seulement { $per_hour } par heure avec { $hours } heures restantes. Relancez le jury ou ajoutez des jurés.
judges-announced = Le concours est annoncé : le jugement est terminé.
js-compared-progress = { $n } comparés pendant cette séance
js-pairs-done = Vous avez comparé toutes les paires possibles. Merci.
js-preferred = Enregistré : « { $slogan } » est le meilleur.
js-pair-skipped = Passée : cette paire ne reviendra pas.
js-step-aside-confirm-pair = Appuyez encore pour vous récuser : vos comparaisons avec ce slogan ne compteront pas
js-stepped-aside-pair = Vous vous êtes récusé : ce slogan ne vous sera plus montré et vos comparaisons avec lui ne comptent pas.
js-score-interval = { $score } (95 % : de { $low } à { $high })
js-pairwise-method = Des comparaisons au classement : un ajustement de Bradley–Terry sur tous les choix donne à chaque slogan une note et un intervalle à 95 % ; un juré qui choisit souvent contre les autres compte moins.
