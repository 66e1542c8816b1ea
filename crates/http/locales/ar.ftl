# Placard بالعربية. المفاتيح والمتغيرات نفسها الموجودة في en.ftl (يتحقق من ذلك اختبار).

## كل الصفحات

skip-to-content = انتقل إلى المحتوى
languages-nav = اللغة
footer-free-software = Placard برنامج حر بموجب رخصة GNU AGPL:
footer-source = شيفرته المصدرية
back = رجوع
add-your-photo = أضف صورتك

## التواريخ والأعداد

month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر
date-day = { $day } { $month } { $year }
date-time = { $day } { $month } { $year }، الساعة { $time } بتوقيت UTC
age-seconds = { $n } ث
age-minutes = { $n } د
age-hours = { $n } س
age-days = { $n ->
    [zero] { $n } يوم
    [one] يوم واحد
    [two] يومان
    [few] { $n } أيام
    [many] { $n } يومًا
   *[other] { $n } يوم
}

## الصفحة الرئيسية

home-title = الحملات
home-fresh-heading = لا شيء هنا بعد
home-fresh-intro = لا توجد في Placard هذا حملات ولا مسابقات بعد. للبدء:
home-fresh-step-account = أنشئ لنفسك حسابًا على الخادم:
home-fresh-step-token = يعرض الأمر رمزك مرة واحدة فقط: احفظه في مكان آمن.
home-fresh-step-sign-in = ثم سجّل الدخول بهذا الرمز وأنشئ حملتك الأولى:
home-campaigns = عرائض بالصور
home-no-campaigns = لا توجد عريضة تستقبل الصور الآن.
home-contests = مسابقات الشعارات
home-staff-run = الفريق: إدارة حملة
home-staff-moderate = المراجعة
home-staff-judge = التحكيم
home-opens = تُفتح في { $when }
home-open-until = مفتوحة حتى { $when }
home-open = مفتوحة
home-entries-from = المشاركات ابتداءً من { $when }
home-opening-soon = تُفتح قريبًا
home-entries-until = المشاركات حتى { $when }
home-winner-on = يُعلن الفائز في { $when }
home-winner = أُعلن الفائز

## صفحة الحملة

campaign-see-gallery = شاهد معرض الصور
campaign-see-mosaic = الجميع معًا
campaign-send-heading = أرسل صورتك
campaign-send-intro = التقط صورة لنفسك وأنت تحمل شعار الحملة، وأرسلها هنا. قبل أن يراها أحد نزيل منها الموقع وبيانات الكاميرا وأي بيانات مخفية أخرى.
campaign-photo-label = صورتك (JPEG أو PNG أو WebP، حتى { $max_mib } ميغابايت)
campaign-preview-alt = معاينة الصورة التي اخترتها
campaign-blur-legend = أخفِ وجهك أو أي شيء آخر (اختياري)
campaign-blur-how = ارسم مربعًا فوق ما لا يجب أن يظهر: اسحب على الصورة بإصبعك أو بالفأرة، أو استخدم «أضف مربعًا» ثم حرّكه بمفاتيح الأسهم (Shift مع الأسهم يغيّر حجمه، وDelete يحذفه). كل ما داخل المربع يتحول إلى مربعات كبيرة في كل نسخة نحتفظ بها، قبل أن يراها أي مراجع، وتُحذف الصورة كما أرسلتها.
campaign-blur-limits = المربعات لا تخفي ما هو خارجها: ملابسك أو وشومك أو المكان خلفك أو الاسم الذي تكتبه. إن كان ذلك قد يكشف هويتك فغطِّه أيضًا أو اختر صورة أخرى.
campaign-blur-add = أضف مربعًا
campaign-name-label = اسمك كما قد يظهر في المعرض (اختياري)
campaign-country-label = البلد (اختياري)
campaign-country-none = أفضّل ألا أقول
campaign-caption-label = تعليق (اختياري، حتى 280 حرفًا)
campaign-send-button = أرسل صورتي
campaign-opens-from = نستقبل الصور ابتداءً من { $when }.
campaign-closed-on = توقفت هذه الحملة عن استقبال الصور في { $when }.
counter-supporters = { $n ->
    [zero] لا مؤيدين
    [one] مؤيد واحد
    [two] مؤيدان
    [few] { $n } مؤيدين
    [many] { $n } مؤيدًا
   *[other] { $n } مؤيد
}
counter-supporters-countries = { $n ->
    [zero] لا مؤيدين
    [one] مؤيد واحد
    [two] مؤيدان
    [few] { $n } مؤيدين
    [many] { $n } مؤيدًا
   *[other] { $n } مؤيد
} من { $countries ->
    [zero] { $countries } بلد
    [one] بلد واحد
    [two] بلدين
    [few] { $countries } بلدان
    [many] { $countries } بلدًا
   *[other] { $countries } بلد
}
moderation-note = يراجع شخص كل صورة قبل عرضها: حتى الآن نُشرت { $shown } ولم تُنشر { $hidden }. تُراجع الصورة عادة خلال { $wait }.
wait-minutes = { $n ->
    [zero] { $n } دقيقة
    [one] دقيقة واحدة
    [two] دقيقتين
    [few] { $n } دقائق
    [many] { $n } دقيقة
   *[other] { $n } دقيقة
}
wait-hours = { $n ->
    [zero] { $n } ساعة
    [one] ساعة واحدة
    [two] ساعتين
    [few] { $n } ساعات
    [many] { $n } ساعة
   *[other] { $n } ساعة
}
wait-days = { $n ->
    [zero] { $n } يوم
    [one] يوم واحد
    [two] يومين
    [few] { $n } أيام
    [many] { $n } يومًا
   *[other] { $n } يوم
}
consent-photo-standard = أوافق على أن تعرض هذه الحملة صورتي، مع الاسم والبلد والتعليق الذي أكتبه، في معرضها العام بعد أن يوافق عليها أحد المراجعين. يمكنني سحبها في أي وقت بالرابط الموجود في إيصالي.
consent-entry-standard = أوافق على نشر شعاري واسمي إذا وصل الشعار إلى القائمة النهائية أو فاز. لا يرى المحكّمون إلا الشعار، ولا يعرفون من كتبه.

## المعرض والفسيفساء

gallery-title = المعرض · { $title }
gallery-heading = { $title }: المعرض
gallery-empty = لا توجد صور هنا بعد.
gallery-photo-from = صورة من { $name }
gallery-photo-anonymous = صورة أحد المؤيدين
gallery-more = مزيد من الصور
gallery-caption-more = المزيد
gallery-mosaic-link = كل الصور في صورة واحدة
gallery-share-heading = شارك المعرض
gallery-share-label = عنوان المعرض
photo-back = العودة إلى المعرض
photo-share-heading = شارك هذه الصورة
photo-share-label = عنوان هذه الصورة
mosaic-heading = { $title }: الجميع معًا
mosaic-how = كل صورة مقبولة مربع واحد. المس مربعًا أو انقر عليه لترى صورته، وكبّر الشاشة لتنظر عن قرب.
mosaic-how-logo = كل صورة مقبولة مربع واحد، موضوع بحيث ترسم الصور معًا شعار الحملة. المس مربعًا أو انقر عليه لترى صورته، وكبّر الشاشة لتنظر عن قرب.
mosaic-alt = فسيفساء من صور المؤيدين
mosaic-none = تظهر الفسيفساء هنا بعد قبول الصور الأولى.
mosaic-gallery-link = المعرض صورةً صورة
mosaic-keys = بلوحة المفاتيح: انتقل إلى الفسيفساء، واختر مربعًا بالأسهم (Home وEnd لطرفي الصف)، وافتح صورته بـ Enter.
mosaic-label = الفسيفساء: الأسهم تختار مربعًا، وEnter يفتح صورته

## الإيصالات وصفحات الحالة والسحب

receipt-title = الإيصال
receipt-photo-heading = شكرًا لك! وصلتنا صورتك.
receipt-slogan-heading = شكرًا لك! وصلنا شعارك.
receipt-photo-keep = هذا إيصالك. احفظ هذا الرابط في المفضلة: إنه الطريقة الوحيدة لمتابعة صورتك أو سحبها. يستطيع أي شخص لديه الرابط فعل الأمرين، فاحتفظ به لنفسك.
receipt-slogan-keep = هذا إيصالك. احفظ هذا الرابط في المفضلة: إنه الطريقة الوحيدة لمتابعة شعارك أو سحبه. يستطيع أي شخص لديه الرابط فعل الأمرين، فاحتفظ به لنفسك.
status-photo-title = صورتك
status-slogan-title = شعارك
status-label = الحالة:
status-check-again = تحقّق مرة أخرى
status-photo-alt = صورتك
status-held-heading = ما نحتفظ به عنك
status-received = وصلت
status-processing = قيد التجهيز
status-pending-review = بانتظار المراجعة
status-approved = مقبولة
status-rejected = مرفوضة
status-failed = تعذّرت المعالجة
held-name = الاسم
held-country = البلد
held-caption = التعليق
held-boxes = المربعات المخفية
held-boxes-some = { $n } (مشوّشة في كل نسخة نحتفظ بها)
held-boxes-none = لا شيء
held-email = البريد الإلكتروني (يُحذف عند الإعلان)
held-not-given = (لم يُذكر)
held-agreed = وافقت على
held-on = في
photo-received = وصلتنا صورتك ونحن نجهّزها. تتحدّث هذه الصفحة وحدها.
photo-pending = صورتك جاهزة وتنتظر أن يراجعها أحد المراجعين.
photo-approved = قُبلت صورتك وهي معروضة في المعرض. شكرًا لك!
photo-rejected = لم تُقبل صورتك لأن { $reason }. يمكنك إرسال صورة أخرى.
entry-pending = شعارك ينتظر أن يراجعه أحد المراجعين.
entry-approved = قُبل شعارك وهو الآن بين أيدي المحكّمين. حظًا موفقًا!
entry-rejected = لم يُقبل شعارك لأن { $reason }.
because-no-logo = شعار الحملة لم يكن ظاهرًا
because-inappropriate = الصورة لم تكن مناسبة للمعرض
because-duplicate = الصورة تكرر صورة لدينا من قبل
because-poor-quality = الصورة لم تكن واضحة بما يكفي
because-privacy = قد تعرّض خصوصية أحد للخطر
because-spam = لا علاقة لها بهذه الحملة
because-other = هناك سببًا دوّنه المراجعون
failure-unreadable = لم نتمكن من قراءة هذا الملف كصورة: قد يكون تالفًا أو ناقصًا. جرّب إرساله مرة أخرى، أو أرسل صورة أخرى.
failure-encode-failed = لم نتمكن من صنع النسخ الصغيرة التي يحتاجها المعرض من هذه الصورة. جرّب إرسال صورة أخرى.
failure-too-slow = يستغرق فتح هذا الملف وقتًا أطول بكثير من أي صورة عادية، فتوقفنا. أرسل الصورة مرة أخرى بصيغة JPEG عادية (لقطة شاشة لها تكفي أيضًا).
withdraw-photo-summary = اسحب صورتي
withdraw-slogan-summary = اسحب شعاري
withdraw-photo-warning = السحب يمحو صورتك وكل ما أخبرتنا به معها. لا يمكن التراجع عن ذلك.
withdraw-slogan-warning = السحب يمحو شعارك وكل ما أخبرتنا به معه. لا يمكن التراجع عن ذلك.
withdraw-photo-button = اسحب صورتي وامحها
withdraw-slogan-button = اسحب شعاري وامحه
withdrawn-title = تم السحب
withdrawn-photo = سُحبت صورتك ومُحيت: لم تعد في مخزننا، ولا اسمك وبلدك وتعليقك. هذا الرابط لم يعد يعمل.
withdrawn-slogan = سُحب شعارك ومُحي: لم يعد في مخزننا، ولا اسمك وبريدك الإلكتروني. هذا الرابط لم يعد يعمل.

## صفحة المسابقة

contest-entries-close = تُغلق المشاركات في { $when }.
contest-announced-on = يُعلن الشعار الفائز في
contest-enter-heading = شارك بشعارك
contest-slogan-label = شعارك (من 3 إلى 120 حرفًا)
contest-author-label = اسمك كما سيُعلن
contest-email-label = البريد الإلكتروني، إن أردت أن نخبرك بالنتيجة (اختياري، لا يُعرض أبدًا)
contest-enter-button = أرسل شعاري
contest-upcoming = هذه المسابقة لا تستقبل المشاركات بعد.
contest-judging = أُغلقت المشاركات: المحكّمون يعملون.
results-heading = النتائج
results-announced-on = أُعلنت في
results-winner = الشعار الفائز:
results-by = بقلم { $name }
results-no-winner = لم يُختر أي شعار.
results-shortlist = أيضًا في القائمة النهائية
results-fingerprint = ثُبّتت النتائج لحظة الإعلان. بصمتها (SHA-256 للبيان):
results-entries = اختير من بين الشعارات المقبولة: { $n }.
results-verify = يمكن لأي أحد التحقق منها: يسرد البيان كل مشاركة وكل درجة (دون أسماء المحكّمين)، وبصمة SHA-256 له هي هذه البصمة. افتح
results-manifest = البيان
results-pending = يجري نشر النتائج. ستظهر على هذه الصفحة بعد لحظات.

## ما الذي حدث، حسب رمز الخطأ

notice-error-title = حدث خطأ ما
notice-not-found-title = غير موجود
notice-failed-title = لم ينجح ذلك
error-consent-required = ضع علامة في خانة الموافقة: لا يمكننا عرض صورتك أو شعارك إلا بإذنك.
error-invalid-field = هناك شيء في الاستمارة يحتاج إلى مراجعة.
error-payload-too-large = هذه الصورة أكبر من أن تُرسل. اختر صورة أصغر من { $max_mib } ميغابايت، أو نسخة أصغر منها.
error-request-timeout = توقف وصول الصورة قبل اكتمالها: ربما انقطع الاتصال. حاول مرة أخرى.
error-unsupported-media-type = نقبل فقط صور JPEG أو PNG أو WebP. اختر ملفًا آخر.
error-invalid-image = لم نتمكن من قراءة هذه الصورة: قد يكون الملف تالفًا أو ناقصًا. جرّب صورة أخرى.
error-image-too-large = في هذه الصورة عدد كبير جدًا من البكسلات. أرسل نسخة أصغر منها.
error-image-too-small = هذه الصورة أصغر من أن تُرى جيدًا. اختر صورة لا يقل ضلعها الأقصر عن { $min_side } بكسل.
error-submissions-closed = هذه الحملة لا تستقبل الصور حاليًا.
error-entries-closed = هذه المسابقة لم تعد تستقبل المشاركات.
error-invalid-slogan = يجب أن يكون طول الشعار بين 3 و120 حرفًا.
error-duplicate-entry = أرسل شخص آخر هذا الشعار من قبل. حاول أن تقوله بكلماتك.
error-rate-limited = محاولات كثيرة من اتصالك في وقت قصير. انتظر دقيقة ثم حاول مرة أخرى.
error-not-found = لم نجد هذه الصفحة. ربما كُتب الرابط خطأً، أو سُحبت الصورة أو المشاركة.
error-unauthenticated = هذا الرابط غير كامل: استخدم الرابط كاملًا من إيصالك.
error-internal-error = حدث خطأ من جهتنا. لم يُحفظ شيء؛ حاول مرة أخرى بعد لحظات.
error-unavailable = Placard مشغول أو قيد الصيانة. لم يُحفظ شيء؛ حاول مرة أخرى بعد بضع دقائق.
error-invalid-query = رابط هذه الصفحة غير صالح.

## الفريق: تسجيل الدخول، والشريط في صفحات الفريق

signin-heading = تسجيل الدخول
signin-moderate = سجّل الدخول للمراجعة
signin-judge = سجّل الدخول للتحكيم
signin-admin = سجّل الدخول لإدارة الحملات
signin-token = رمز الفريق
signin-button = دخول
signin-hint = يفتح تسجيل الدخول جلسة على هذا الموقع لمدة 12 ساعة، ولا يُحفظ رمزك في المتصفح. تسجيل الخروج ينهي الجلسة.
signin-expired = انتهت صلاحية استمارة الدخول هذه أو لم تأتِ من هذا الموقع. أدخل رمزك مرة أخرى.
signin-unknown = لم نتعرف على هذا الرمز. تحقق منه وحاول مرة أخرى.
signin-wrong-role = أنت مسجّل الدخول، لكن حسابك لا يملك هذا الدور. سجّل الدخول برمز آخر.
staff-signed-in-as = مسجّل الدخول باسم
staff-sign-out = تسجيل الخروج
staff-shortcuts-on = اختصارات لوحة المفاتيح (مفتاح واحد)

## المراجعة

moderate-title = المراجعة
moderate-review = مراجعة
moderate-photos-of = الصور: { $title }
moderate-slogans-of = الشعارات: { $title }
moderate-mode = الوضع
moderate-options = الخيارات
moderate-filter = عرض
moderate-filter-pending = بانتظار المراجعة
moderate-filter-flagged = المعلَّمة فقط: المكررة وشبه المكررة
moderate-filter-approved = المقبولة
moderate-filter-rejected = المرفوضة
moderate-mode-one = واحدة تلو الأخرى
moderate-mode-grid = شبكة (اختيار عدة صور)
moderate-blur = طمس الصور إلى أن أنقر على إحداها أو أضغط V
moderate-logo-alt = شعار الحملة
moderate-logo-caption = الشعار المطلوب البحث عنه
moderate-decision = القرار
moderate-approve = قبول
moderate-reject = رفض…
moderate-skip = تخطٍّ
moderate-previous = السابق
moderate-undo = تراجع
moderate-zoom = تكبير
moderate-sitting-reset = بدء جلسة جديدة
moderate-under-review = الصورة قيد المراجعة
moderate-current-alt = الصورة المطلوب مراجعتها
moderate-related-alt = الصورة السابقة التي تشبهها
moderate-grid-label = صور بانتظار المراجعة
moderate-bulk-approve = قبول المختار
moderate-reason = السبب
moderate-bulk-reject = رفض المختار
moderate-entries-label = شعارات بانتظار المراجعة
moderate-reasons-label = أسباب الرفض
moderate-reject-because = الرفض لأن…
moderate-cancel = إلغاء
reason-no-logo = الشعار غير ظاهر
reason-inappropriate = غير لائقة
reason-duplicate = مكررة
reason-poor-quality = جودة ضعيفة
reason-privacy = خطر على الخصوصية
reason-spam = رسائل مزعجة
reason-other = سبب آخر
keys-heading = المفاتيح
keys-approve = قبول
keys-reject = رفض مع ذكر السبب
keys-undo = التراجع عن آخر قرار
keys-zoom = التكبير إلى الأصل والعودة
keys-reveal = إظهار الصورة أو طمسها من جديد (حين تكون الصور مطموسة)
keys-next = التالي (تخطٍّ)
keys-previous = السابق (القوائم)
keys-select = اختيار (الشبكة)

## التحكيم

judge-title = التحكيم
judge-contest = المسابقة
judge-blind = تُعرض الشعارات دون أسماء كاتبيها.
judge-keys = المفاتيح: J وK للتنقل، ومن 1 إلى 9 للتقييم، و0 تعني 10.
judge-ranking = الترتيب
judge-show-ranking = اعرض الترتيب
judge-pin = ثبّت المشاركات المختارة قائمةً نهائية
judge-state-upcoming = يبدأ استقبال الشعارات في { $opens }. ينتهي التحكيم عند الإعلان، في { $announce }.
judge-state-open = تُستقبل الشعارات حتى { $closes }. ينتهي التحكيم عند الإعلان، في { $announce }.
judge-state-judging = أُغلق استقبال الشعارات. ينتهي التحكيم عند الإعلان، في { $announce }.
judge-state-announced = أُعلنت النتائج في { $announced }. الدرجات نهائية: هذه الصفحة للقراءة فقط.
judge-calibration = كيف تُقارن الدرجات: تُقاس درجات كل محكّم من متوسطه هو (0) بخطوات من تفاوته المعتاد، ليتساوى وزن المحكّم المتشدد والمتساهل.
judge-ranking-wait = يُفتح الترتيب بعد أن تمنح درجة لكل الشعارات، كي لا تؤثر درجات الآخرين في درجاتك.
judge-ranking-chair = بصفتك مشرفًا ترأس لجنة التحكيم: يمكنك فتح الترتيب في أي وقت.
judge-pin-hint = حدّد شعارات وثبّتها لتختار القائمة النهائية بنفسك.
judge-unpin = إلغاء التثبيت: العودة إلى القائمة النهائية التلقائية

## صفحات الإدارة

admin-nav = إدارة الحملات
admin-dashboard = لوحة المتابعة
admin-new-campaign = حملة جديدة
admin-new-contest = مسابقة جديدة
admin-staff = الفريق
admin-failed-jobs = المهام المتعثرة
admin-moderate = المراجعة
admin-state = الحالة:
admin-public-page = الصفحة العامة
admin-saved = تم الحفظ.
admin-save = احفظ التغييرات
admin-stale-campaign = حفظ شخص آخر هذه الحملة بينما كنت تعدّلها. تعديلاتك أدناه: أعد تحميل الصفحة لترى تعديلاته، ثم أعد تعديلاتك.
admin-stale-contest = حفظ شخص آخر هذه المسابقة بينما كنت تعدّلها: أعد تحميل الصفحة وأعد تعديلك.
admin-date-format = اكتب تاريخًا ووقتًا، مثل 2027-06-26 09:00.
state-upcoming = قادمة
state-open = مفتوحة
state-closed = مغلقة
state-judging = قيد التحكيم
state-announced = أُعلنت النتيجة
dashboard-dead-jobs = { $n ->
    [zero] لا مهام متعثرة.
    [one] مهمة متعثرة واحدة تحتاج إلى نظرة.
    [two] مهمتان متعثرتان تحتاجان إلى نظرة.
    [few] { $n } مهام متعثرة تحتاج إلى نظرة.
    [many] { $n } مهمة متعثرة تحتاج إلى نظرة.
   *[other] { $n } مهمة متعثرة تحتاج إلى نظرة.
}
dashboard-no-campaign = لا توجد حملات بعد.
dashboard-create-first = أنشئ الحملة الأولى
dashboard-no-contest = لا توجد مسابقات بعد.
dashboard-create-contest = أنشئ مسابقة
col-campaign = الحملة
col-contest = المسابقة
col-state = الحالة
col-waiting = بالانتظار
col-oldest = الأقدم انتظارًا
col-approved = مقبولة
col-rejected = مرفوضة
col-processing = قيد التجهيز
col-failed = متعثرة
campaign-new = حملة جديدة
campaign-create = أنشئ الحملة
campaign-closes-on = تُغلق في { $when }
campaign-exports = الصور المقبولة:
campaign-export-csv = نزّلها بصيغة CSV
campaign-export-zip = نزّلها مع الصور (ZIP)
campaign-export-gallery = المعرض
campaign-close-now = أغلق الآن: أوقف استقبال الصور
campaign-texts = النصوص
campaign-slug-label = عنوان الويب: /c/…
campaign-slug-hint = من 2 إلى 64 حرفًا لاتينيًا صغيرًا وأرقامًا وشرطات مفردة، مثل support-dont-punish. لا يمكن تغييره لاحقًا.
field-title = العنوان
field-description = الوصف
campaign-consent-label = ما يوافق عليه المؤيدون
campaign-consent-hint = إن تُرك فارغًا: «{ $standard }» النص المعدّل نسخة جديدة؛ والصور المرسلة من قبل تحتفظ بالنسخة التي وافقت عليها.
campaign-when = متى تستقبل الصور (الأوقات بتوقيت UTC)
campaign-opens-label = تُفتح (UTC؛ فارغ: فورًا)
campaign-closes-label = تُغلق (UTC؛ فارغ: أبدًا)
campaign-languages = اللغات
campaign-languages-hint = تتحدث الصفحات بلغة كل زائر من بين اللغات المختارة. العناوين والأوصاف ونصوص الموافقة الفارغة في لغة ما تُعرض كما في الأعلى (نص الموافقة الخاص بـ Placard مترجم).
campaign-language-used = يمكن للصفحات أن تتحدث
campaign-language-default = اللغة الافتراضية
campaign-embedding = التضمين والاحتفاظ
campaign-frame-label = المواقع التي يمكنها تضمين الاستمارة (أصل واحد في كل سطر، https://host[:port])
campaign-rejected-days = احذف الصورة المرفوضة بعد هذا العدد من الأيام من القرار
campaign-originals-days = احذف النسخ الأصلية المقبولة بعد هذا العدد من الأيام من إغلاق الحملة (فارغ: احتفظ بها)
campaign-webhooks-hint = تُضبط الخطافات عبر الواجهة البرمجية، كي لا تظهر أسرارها على أي صفحة:
campaign-care = الإشراف والخصوصية
campaign-blur-previews = طمس الصور على شاشة الإشراف إلى أن يختار المشرف رؤيتها
campaign-blur-previews-hint = للحملات التي قد تكون صورها صعبة المشاهدة: تظهر كل صورة بنقرة أو بمفتاح أو بتركيز لوحة المفاتيح، ولا تظهر بمجرد مرور المؤشر فوقها.
campaign-pause-after = اقتراح استراحة بعد هذا العدد من الصور في جلسة واحدة
campaign-pause-after-hint = 0: أبدًا. نحو 200 صورة تعادل ساعة بوتيرة ثابتة.
campaign-privacy-url = إشعار الخصوصية الخاص بمنظمتك (عنوان https://)
campaign-privacy-url-hint = يظهر رابطه في لوحة الخصوصية بصفحة الحملة. اتركه فارغًا إن لم يوجد.
logo-heading = الشعار
logo-none = لا يوجد شعار بعد. يقارن المراجعون الصور به.
logo-new-label = شعار جديد (JPEG أو PNG أو WebP؛ تُزال بياناته الوصفية)
logo-upload = ارفع الشعار
logo-not-changed = لم يتغير الشعار: { $why }
contest-new = مسابقة شعارات جديدة
contest-create = أنشئ المسابقة
contest-announced-locked = أُعلن الفائز: لم يعد ممكنًا تغيير المسابقة.
contest-slug-label = عنوان الويب: /k/…
contest-timeline = الجدول الزمني (الأوقات بتوقيت UTC)
contest-opens-label = تُفتح المشاركات (UTC؛ فارغ: فورًا)
contest-closes-label = تُغلق المشاركات (UTC)
contest-announce-label = يُعلن الفائز (UTC)
contest-shortlist-label = حجم القائمة النهائية
staff-heading = حسابات الفريق
staff-new-token-for = رمز جديد لـ { $name }
staff-token-for = رمز لـ { $name }
staff-token-give = سلّمه إلى { $name } عبر قناة آمنة. يُعرض هذه المرة فقط: لا يحتفظ Placard إلا ببصمته.
staff-token-old-gone = الرمز القديم وكل الجلسات المفتوحة به لم تعد تعمل.
staff-token = الرمز
staff-copy = انسخ
staff-col-name = الاسم
staff-col-role = الدور
staff-col-campaigns = الحملات
staff-col-last-seen = آخر ظهور
staff-col-actions = الإجراءات
staff-since = منذ { $when }
staff-all-campaigns = الكل
staff-change = غيّر
staff-save-campaigns = احفظ الحملات
staff-revoked-on = أُلغي في { $when }
staff-new-token = رمز جديد
staff-revoke = ألغِ
staff-revoke-label = ألغِ حساب { $name }
staff-add = أضف شخصًا
staff-name-label = الاسم (يظهر في سجل التدقيق)
staff-name-taken = هذا الاسم مستخدم: اختر اسمًا آخر.
staff-role-moderator = مراجع: يراجع الصور والشعارات
staff-role-judge = محكّم: يقيّم الشعارات دون معرفة كاتبيها
staff-role-admin = مدير: يدير الحملات والفريق
staff-scope-legend = الحملات التي يمكن للمراجع مراجعتها (لا اختيار: كل الحملات)
staff-create = أنشئ الحساب
staff-never = أبدًا
role-moderator = مراجع
role-judge = محكّم
role-admin = مدير
jobs-retried = أُعيدت إلى الطابور: تعمل خلال لحظات.
jobs-none = لا مهام متعثرة. العمل الذي يفشل نهائيًا بعد إعادة المحاولة يظهر هنا مع خطئه.
jobs-col-job = المهمة
jobs-col-failed = تعثرت
jobs-col-attempts = المحاولات
jobs-col-error = آخر خطأ
jobs-col-action = إجراء
jobs-retry = أعد المحاولة
jobs-retry-label = أعد محاولة { $job }

## نص الصفحات البرمجي

js-blur-count = { $n ->
    [zero] لا مربعات.
    [one] مربع واحد: سيُشوَّش.
    [two] مربعان: سيُشوَّشان.
    [few] { $n } مربعات: ستُشوَّش.
    [many] { $n } مربعًا: ستُشوَّش.
   *[other] { $n } مربع: ستُشوَّش.
}
js-blur-box = المربع { $n }: الأسهم تحرّكه، وShift مع الأسهم يغيّر حجمه، وDelete يحذفه
js-blur-remove = احذف المربع { $n }
js-sending = جارٍ الإرسال… { $pct }٪
js-checking = نتحقق من صورتك…
js-connection-lost = انقطع الاتصال أثناء الإرسال. تحقق منه وحاول مرة أخرى.
js-countdown-now = (الآن: يجري نشر النتائج)
js-countdown-in = (بعد { $left })
js-days = { $n ->
    [zero] { $n } يوم
    [one] يوم واحد
    [two] يومان
    [few] { $n } أيام
    [many] { $n } يومًا
   *[other] { $n } يوم
}
js-hours = { $n } س
js-minutes = { $n } د
js-seconds = { $n } ث
js-session-ended = انتهت جلستك. سجّل الدخول مرة أخرى للمتابعة.
js-no-caption = لا تعليق ولا اسم.
js-photo-alt = صورة: { $what }
js-reject-prompt = الرفض: اختر السبب (أو اضغط رقمه). Esc يلغي.
js-not-rejected = لم تُرفض.
js-queue-done = لم يبق هنا ما يُراجع. أحسنت!
js-queue-left = المتبقي: { $n }
js-queue-oldest = الأقدم أُرسل منذ { $age }
js-queue-held = لدى مشرفين آخرين: { $n }
js-sent-ago = أُرسلت منذ { $age }
js-entries-end = نهاية القائمة. الشعارات: { $n }، وما زال بلا قرار: { $left }.
js-sitting-count = روجعت في هذه الجلسة: { $n }.
js-pause-suggested = روجعت في هذه الجلسة: { $n }. استراحة قصيرة تساعدك على الحكم جيدًا، والقائمة ستنتظر.
js-skipped-back = عودة إلى الصور التي تخطيتها.
js-nothing-to-moderate = لا يوجد ما يُراجع بعد.
js-flag-duplicate = مكررة: الملف نفسه لصورة سابقة (معروضة بجانبها).
js-flag-near-duplicate = شبه مطابقة لصورة سابقة (المسافة { $distance }، معروضة بجانبها).
js-flag-duplicate-short = مكررة
js-flag-near-duplicate-short = شبه مطابقة
js-earlier-photo = صورة سابقة، { $status }
js-state-received = وصلت
js-state-processing = قيد التجهيز
js-state-pending-review = بانتظار المراجعة
js-state-approved = مقبولة
js-state-rejected = مرفوضة
js-state-failed = تعذّرت المعالجة
js-approved = قُبلت. U للتراجع.
js-rejected = رُفضت ({ $reason }). U للتراجع.
js-bulk-approved = قُبلت { $ok } من { $all }. U للتراجع.
js-bulk-rejected = رُفضت { $ok } من { $all }. U للتراجع.
js-undo-nothing = لا شيء للتراجع عنه.
js-undone = تم التراجع: عادت إلى الطابور.
js-scored-progress = قُيّم { $n } من { $all }
js-score = الدرجة
js-scored = الدرجة { $score }.
js-no-contest = لا توجد مسابقة للتحكيم بعد.
js-no-slogans = لا توجد شعارات مقبولة للتحكيم بعد.
js-shortlist-aria = في القائمة النهائية: { $slogan }
js-on-shortlist = في القائمة النهائية
js-pinned = { $n ->
    [zero] ثُبّتت القائمة النهائية: لا شعارات.
    [one] ثُبّتت القائمة النهائية: شعار واحد.
    [two] ثُبّتت القائمة النهائية: شعاران.
    [few] ثُبّتت القائمة النهائية: { $n } شعارات.
    [many] ثُبّتت القائمة النهائية: { $n } شعارًا.
   *[other] ثُبّتت القائمة النهائية: { $n } شعار.
}
js-shortlist-auto = القائمة النهائية: تلقائية، أول { $size } في الترتيب.
js-shortlist-pinned = القائمة النهائية: مثبّتة يدويًا. المثبّت: { $n }؛ الحجم المحدد: { $size }.
js-unpinned = أُلغي التثبيت: القائمة النهائية هي أول { $size } في الترتيب من جديد.
js-ranking-meta = الدرجة { $score } · المحكّمون: { $judges }
js-read-only = أُعلنت النتائج: لم يعد بالإمكان تغيير الدرجات.
js-copied = نُسخ.
js-copy-by-hand = حدّد النص وانسخه.
js-opening-photo = نفتح الصورة…
js-step-aside = أعرف كاتبه: أتنحّى
js-step-aside-confirm = اضغط مرة أخرى للتنحّي: لن يُحتسب تقييمك له
js-stepped-aside = تنحّيت: لم يعد هذا الشعار في قائمتك ولا يُحتسب تقييمك له.
js-mosaic-square = المربع { $n } من { $total }، الصف { $row }، العمود { $col }: يفتح Enter صورته.
js-shortcuts-off = اختصارات لوحة المفاتيح معطّلة: استخدم الأزرار.

## الخصوصية والإيصال

campaign-logo-alt = شعار الحملة، لتحمله في صورتك
campaign-photo-hint = على الهاتف يمكنك التقاط الصورة الآن أو اختيار صورة لديك.
receipt-link-label = رابط إيصالك
receipt-open-status = افتح صفحة حالتي
receipt-bookmark-hint = احفظ صفحة الحالة في المفضلة أو انسخ الرابط إلى مكان آمن: لا يمكننا إرساله إليك مرة أخرى.
privacy-heading = خصوصيتك
privacy-removed = قبل حفظ صورتك نزيل منها الموقع وبيانات الكاميرا وكل بيانات مخفية أخرى.
privacy-who = يرى المراجعون صورتك وما كتبته ليتحققوا منهما. بعد القبول يمكن للجميع رؤية نسخ صغيرة في المعرض، مع اسمك وبلدك وتعليقك إن كتبتها. يمكن لفريق الحملة تنزيل الصور المقبولة.
privacy-rejected-kept = { $days ->
    [0] تُحذف الصورة غير المقبولة فورًا.
    [one] تُحذف الصورة غير المقبولة بعد يوم واحد من القرار.
    [two] تُحذف الصورة غير المقبولة بعد يومين من القرار.
    [few] تُحذف الصورة غير المقبولة بعد { $days } أيام من القرار.
   *[other] تُحذف الصورة غير المقبولة بعد { $days } يومًا من القرار.
}
privacy-originals-kept = { $days ->
    [0] يُحذف أصل الصورة المقبولة عند إغلاق الحملة.
    [one] يُحذف أصل الصورة المقبولة بعد يوم واحد من إغلاق الحملة.
    [two] يُحذف أصل الصورة المقبولة بعد يومين من إغلاق الحملة.
    [few] يُحذف أصل الصورة المقبولة بعد { $days } أيام من إغلاق الحملة.
   *[other] يُحذف أصل الصورة المقبولة بعد { $days } يومًا من إغلاق الحملة.
}
privacy-originals-campaign = تحتفظ الحملة بالصور المقبولة إلى أن تحذفها، أو إلى أن تسحب صورتك.
privacy-address = لا يُحفظ عنوانك على الإنترنت مع صورتك. لمنع اتصال واحد من الإرسال أكثر من اللازم، نحتفظ فقط ببصمة مشفّرة له، ليوم واحد على الأكثر.
privacy-withdraw = يمكنك سحب صورتك في أي وقت بالرابط الموجود في إيصالك: تُمحى عندها مع كل ما كتبته.
privacy-at-risk = إن كان التعرّف عليك قد يعرّضك للخطر: غطِّ وجهك (ارسم مربعًا فوقه)، وتجنب الأماكن والوشوم والملابس التي يمكن التعرف عليها، واترك الاسم فارغًا.
privacy-operator-notice = إشعار الخصوصية الخاص بالحملة
withdrawn-home = اذهب إلى الصفحة الرئيسية

## التحكيم بالمقارنة الثنائية وتقرير لجنة التحكيم
judge-pair-heading = أيّ الشعارين أفضل؟
judge-pair-keys = المفاتيح: ← يختار الشعار الذي على اليسار، و→ الذي على اليمين، وS يتخطّى الزوج.
judge-pair-skip = تخطٍّ: لا أستطيع الاختيار
judge-step-aside = أعرف صاحبه: أتنحّى
contest-judging-mode-label = طريقة التحكيم
contest-judging-mode-scores = الدرجات: يعطي كل محكّم كل شعار درجة من 1 إلى 10
contest-judging-mode-pairwise = المقارنة الثنائية: يختار المحكّمون الأفضل من شعارين
contest-judging-mode-hint = تُثبَّت بعد إغلاق المشاركات أو أول تحكيم.
contest-min-judgements-label = عدد الأحكام المطلوب لكل شعار
judges-title = تقرير لجنة التحكيم
judges-judges = المحكّمون
judges-none = لا محكّمين بعد.
judges-col-judge = المحكّم
judges-col-scored = المقيَّمة
judges-col-compared = المقارنات
judges-col-leniency = التساهل
judges-col-reliability = الموثوقية
judges-col-agreement = التوافق
judges-explain-scores = التساهل: بكم يعطي هذا المحكّم الشعاراتِ نفسها درجاتٍ أعلى من الآخرين، بوحدات التشتت المعتاد (0: مثل الآخرين). التوافق: مدى اتباع ترتيبه لترتيب الآخرين، من −1 (معكوس) إلى 1 (مطابق).
judges-explain-pairwise = الموثوقية: كم مرة تتّسق اختياراته مع الترتيب (0.5: ليس أفضل من رمي عملة). التوافق: كم مرة اختار كما يختار ترتيب الآخرين، من −1 (ضده دائمًا) إلى 1 (معه دائمًا).
judges-under = شعارات لديها أقل من { $min } أحكام
judges-all-covered = لكل شعار ما يكفي من الأحكام.
judges-judgements = { $n ->
    [zero] لا أحكام
    [one] حكم واحد
    [two] حكمان
    [few] { $n } أحكام
    [many] { $n } حكمًا
   *[other] { $n } حكم
}
judges-covered = لكل شعار ما يكفي من الأحكام.
judges-on-pace = الوتيرة كافية: ما زال مطلوبًا { $needed } من الأحكام، بمعدل { $per_hour } في الساعة، وبقيت { $hours } ساعة.
judges-behind = الوتيرة متأخرة: ما زال مطلوبًا { $needed } من الأحكام والمعدل { $per_hour } فقط في الساعة وبقيت { $hours } ساعة. اطلب من المحكّمين المزيد أو أضف محكّمين.
judges-announced = أُعلنت نتائج المسابقة: انتهى التحكيم.
js-compared-progress = المقارنات في هذه الجلسة: { $n }
js-pairs-done = قارنت كل الأزواج المتاحة لك. شكرًا.
js-preferred = سُجّل: «{ $slogan }» هو الأفضل.
js-pair-skipped = تُخطّي: لن يعود هذا الزوج.
js-step-aside-confirm-pair = اضغط مرة أخرى للتنحّي: لن تُحتسب مقارناتك معه
js-stepped-aside-pair = تنحّيت: لن يُعرض عليك هذا الشعار بعد الآن ولا تُحتسب مقارناتك معه.
js-score-interval = { $score } (‏95 ٪: من { $low } إلى { $high })
js-pairwise-method = كيف تصبح المقارنات ترتيبًا: نموذج برادلي–تيري على كل اختيارات المحكّمين يعطي كل شعار درجة ومجال ثقة 95 ٪؛ ومن يختار كثيرًا عكس الآخرين يُحتسب له وزن أقل.
