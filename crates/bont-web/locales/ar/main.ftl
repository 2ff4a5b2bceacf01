app-name = bont
yes = نعم
no = لا

## Navigation
nav-label = القائمة الرئيسية
nav-patients = المرضى
nav-users = حسابات الموظفين
nav-accounts-awaiting = حسابات بانتظار التأكيد
accounts-confirm = تأكيد
accounts-awaiting-none = لا يوجد حساب بانتظار التأكيد.
accounts-awaiting-explain = فتح المسؤول هذه الحسابات أو أعاد تعيين كلمات مرورها. تطّلع على سجلات المرضى بعد أن يؤكد طبيب في العيادة أنها تعود إلى الأشخاص المذكورين.
accounts-awaiting-title = حسابات بانتظار التأكيد
nav-password = تغيير كلمة المرور
nav-logout = تسجيل الخروج

## Errors
error-not-found = غير موجود
error-forbidden = دورك لا يسمح بهذا
error-form-expired = انتهت صلاحية هذا النموذج أو لم يُرسل من bont. ارجع وأعد تحميل الصفحة ثم أرسله مرة أخرى.
error-unauthenticated = يرجى تسجيل الدخول
error-malformed = تعذّرت قراءة الطلب
error-too-large = الطلب كبير جدًا
error-media-type = أرسل محتوى الطلب بصيغة JSON ‏(Content-Type: application/json)
error-invalid = بعض المدخلات تحتاج إلى تصحيح
error-conflict = غيّر شخص آخر هذا السجل منذ أن فتحته
error-wrong-state = لا يمكن القيام بهذا في الحالة الحالية للسجل
error-internal = حدث خطأ من جهتنا؛ لم يُحفظ شيء
error-busy = الخادم مشغول؛ حاول مجددًا بعد لحظة. لم يُحفظ شيء.
error-storage-locked = قاعدة البيانات مشغولة الآن ببرنامج آخر؛ حاول مجددًا بعد بضع ثوانٍ. لم يُحفظ شيء.
error-storage-full = قرص الخادم ممتلئ. لم يُحفظ شيء؛ أبلغ المسؤول عن تشغيل الخادم. يمكن متابعة العمل بعد تحرير مساحة.
error-storage-damaged = ملف قاعدة البيانات تالف. لم يُحفظ شيء؛ أبلغ المسؤول عن تشغيل الخادم: يجب استعادته من آخر نسخة احتياطية (bont restore).
error-go-home = العودة إلى صفحة البداية

## Login and passwords
login-title = تسجيل الدخول
login-failed = اسم المستخدم أو كلمة المرور غير صحيحة.
login-locked = محاولات فاشلة كثيرة لاسم المستخدم هذا من هذا الحاسوب. حاول مجددًا بعد { $minutes } دقيقة، أو اطلب من المسؤول إعادة تعيين كلمة المرور.
login-expired = انتهت صلاحية كلمة المرور لمرة واحدة هذه (كانت صالحة { $hours } ساعة). اطلب من المسؤول كلمة جديدة.
login-awaiting-confirmation = ينتظر هذا الحساب تأكيدًا من طبيب في العيادة. اطلب من طبيب تأكيده في «حسابات بانتظار التأكيد».
login-busy = يسجّل كثيرون الدخول في الوقت نفسه. حاول مجددًا بعد لحظة.
login-slowed = لاسم المستخدم هذا محاولات فاشلة كثيرة من أماكن أخرى، لذا أصبحت المحاولات واحدة في الدقيقة. حاول مجددًا بعد { $seconds } ثانية؛ وإن لم تكن أنت، فأبلغ المسؤول.
login-address-limited = محاولات فاشلة كثيرة من هذا الحاسوب. حاول مجددًا بعد { $minutes } دقيقة.
login-submit = دخول
password-title = تغيير كلمة المرور
password-must-change = لقد دخلت بكلمة مرور لمرة واحدة. اختر كلمة مرورك الخاصة للمتابعة.
password-hint = 12 حرفًا على الأقل. بضع كلمات لا علاقة بينها تصنع كلمة مرور جيدة.
password-submit = تغيير كلمة المرور
password-current-wrong = كلمة المرور الحالية: غير صحيحة.
password-same-as-before = كلمة المرور الجديدة: اختر كلمة مرور مختلفة عن الحالية.

## Start page
home-title = البداية
home-patient-count = { $count ->
    [zero] لا مرضى
    [one] مريض واحد
    [two] مريضان
    [few] { $count } مرضى
    [many] { $count } مريضًا
   *[other] { $count } مريض
}
home-nothing-yet = لا يتوفر شيء لدورك بعد.
home-today = جلسات اليوم
home-today-none = لا جلسات مسجلة لليوم.
home-drafts = مسودات بانتظار توقيع الطبيب
home-drafts-none = لا مسودات بالانتظار.
home-dose = الجرعة
home-shown-of = معروض { $shown } من { $total }.

## Patients
patients-title = المرضى
patients-search-label = البحث عن مريض
patients-search-hint = الاسم أو رقم الملف أو تاريخ الميلاد (YYYY-MM-DD)
patients-search-submit = بحث
patients-found = { $count ->
    [0] لم يُعثر على مرضى
    [one] مريض واحد
    [two] مريضان
    [few] { $count } مرضى
    [many] { $count } مريضًا
   *[other] { $count } مريض
}
patients-name = الاسم
patients-age = العمر
age-years = { $years ->
    [zero] أقل من سنة
    [one] سنة واحدة
    [two] سنتان
    [few] { $years } سنوات
    [many] { $years } سنة
   *[other] { $years } سنة
}
pager-label = الصفحات
pager-previous = الصفحة السابقة
pager-next = الصفحة التالية
pager-position = الصفحة { $page } من { $pages }
patient-new-title = مريض جديد
patient-edit-title = تعديل بيانات المريض
patient-section-identity = الهوية
patient-section-clinical = ما يهم العلاج بالذيفان
patient-section-contact = الاتصال
patient-section-consent = الموافقات
patient-weight-measured = تاريخ القياس
patient-not-recorded = غير مسجل
patient-none = لا شيء
patient-version = الإصدار
patient-conflict = غيّر شخص آخر سجل هذا المريض منذ أن فتحته. لم تُحفظ تغييراتك: افتح السجل مرة أخرى لترى الإصدار الحالي.
patient-medications-hint = دواء واحد في كل سطر. يُتعرّف على الأدوية المتداخلة (الأمينوغليكوزيدات، مرخيات العضلات، مضادات الكولين، المغنيسيوم، مضادات التخثر) من اسمها.

## Forms
form-has-errors = يرجى تصحيح ما يلي:
form-choose = اختر…
form-save = حفظ
form-cancel = إلغاء
form-leave-unsaved = هل تغادر هذا النموذج؟ ما كتبته هنا لم يُحفظ.

## Field labels
field-record_number = رقم الملف
field-family_name = اسم العائلة
field-given_names = الاسم الأول
field-pseudonym = الاسم المستعار
field-birth_date = تاريخ الميلاد
field-sex = الجنس
field-weight_kg = الوزن (كغ)
field-weight_measured_on = تاريخ قياس الوزن
field-preferred_language = اللغة المفضلة
field-phone = الهاتف
field-email = البريد الإلكتروني
field-address = العنوان
field-consent_treatment = يوافق على العلاج بذيفان البوتولينوم
field-consent_reminders = يوافق على التذكير بالهاتف أو الرسائل النصية
field-consent_research = يوافق على استخدام بياناته المستعارة في البحث
field-indications = دواعي الاستعمال
field-conditions = الأمراض
field-allergies = الحساسية
field-medications = الأدوية
field-pregnant = حامل
field-breastfeeding = مرضع
field-notes = ملاحظات
field-username = اسم المستخدم
field-password = كلمة المرور
field-password_repeat = أعد كتابة كلمة المرور
field-current_password = كلمة المرور الحالية
field-display_name = الاسم الظاهر للزملاء
field-role = الدور
field-language = اللغة

## What is wrong with a field
problem-required = مطلوب.
problem-too-long = طويل جدًا (على الأكثر { $max } حرفًا).
problem-too-many = فيه عناصر كثيرة جدًا (على الأكثر { $max }).
problem-control-characters = يحتوي على فواصل أسطر أو أحرف تحكم.
problem-not-a-date = «{ $value }» ليس تاريخًا؛ اكتبه بالشكل YYYY-MM-DD.
problem-date-in-future = لا يمكن أن يكون في المستقبل.
problem-date-too-early = لا يمكن أن يكون قبل { $earliest }.
problem-before-birth = لا يمكن أن يكون قبل تاريخ الميلاد.
problem-not-a-number = «{ $value }» ليس رقمًا.
problem-ambiguous-number = «{ $value }» يحتمل قراءتين: اكتب العدد دون فاصل للآلاف (1500) أو بمنزلتين عشريتين على الأكثر (1.5).
problem-out-of-range = يجب أن يكون بين { $min } و{ $max } { $unit }.
problem-unknown = «{ $value }» ليس من القيم المقبولة.
problem-duplicate = مستخدم بالفعل في سجل آخر.
problem-name-or-pseudonym = أدخل اسم العائلة أو اسمًا مستعارًا.
problem-not-an-email = ليس عنوان بريد إلكتروني.
problem-not-a-phone = ليس رقم هاتف (أرقام ومسافات و+ - ( ) فقط).
problem-password-too-short = يجب ألا تقل عن { $min } حرفًا.
problem-passwords-differ = كلمتا المرور مختلفتان.
problem-password-guessable = من كلمات المرور الشائعة أو يسهل تخمينه مثلها: اختر عبارة من عدة كلمات غير مترابطة.

## Roles
role-physician = طبيب
role-nurse = ممرض
role-manager = مدير العيادة
role-researcher = باحث
role-admin = مسؤول النظام

## Sex
sex-female = أنثى
sex-male = ذكر
sex-other = آخر
sex-unknown = غير معروف

## Indications
indication-chronic_migraine = الصداع النصفي المزمن
indication-cervical_dystonia = خلل التوتر العنقي
indication-blepharospasm = تشنج الجفن
indication-hemifacial_spasm = التشنج النصفي الوجهي
indication-oromandibular_dystonia = خلل التوتر الفموي الفكي
indication-spasmodic_dysphonia = خلل النطق التشنجي
indication-focal_hand_dystonia = خلل التوتر البؤري في اليد
indication-upper_limb_spasticity = تشنج الطرف العلوي
indication-lower_limb_spasticity = تشنج الطرف السفلي
indication-facial_synkinesis = الحركات المترافقة في الوجه بعد شلل الوجه
indication-bruxism = صرير الأسنان
indication-axillary_hyperhidrosis = فرط التعرق الإبطي
indication-sialorrhea = سيلان اللعاب
indication-neuropathic_pain = الألم العصبي
indication-tics = العرّات

## Conditions
condition-myasthenia_gravis = الوهن العضلي الوبيل
condition-lambert_eaton = متلازمة لامبرت-إيتون
condition-als = التصلب الجانبي الضموري
condition-motor_neuropathy = اعتلال الأعصاب الحركي
condition-neuromuscular_disease = مرض عصبي عضلي آخر
condition-dysphagia = صعوبة البلع
condition-respiratory_compromise = صعوبة التنفس أو ضعف وظيفة الرئة
condition-cardiovascular_disease = مرض قلبي وعائي
condition-bleeding_disorder = اضطراب نزفي

## Allergies
allergy-botulinum_toxin = ذيفان البوتولينوم
allergy-human_albumin = الألبومين البشري
allergy-cow_milk_protein = بروتين حليب البقر

## Medication classes
medication-class-aminoglycosides = أمينوغليكوزيد
medication-class-neuromuscular_blockers = حاصر عصبي عضلي
medication-class-anticholinergics = مضاد للكولين
medication-class-skeletal_muscle_relaxants = مرخٍ للعضلات
medication-class-magnesium_salts = مغنيسيوم
medication-class-anticoagulants = مضاد للتخثر

## Staff accounts
users-title = حسابات الموظفين
users-new-title = حساب جديد
users-username-hint = من 3 إلى 40 حرفًا: أحرف لاتينية صغيرة وأرقام ونقاط وشرطات.
users-awaiting-first-login = بانتظار أول دخول
users-password-awaiting = لا يمكن لهذا الحساب تسجيل الدخول إلا بعد أن يؤكده طبيب في العيادة (في «حسابات بانتظار التأكيد»)، كي لا يفتح شخص واحد حسابًا ويقرأ به بيانات المرضى.
users-awaiting-confirmation = بانتظار تأكيد طبيب
users-reset-password = إعادة تعيين كلمة المرور
users-password-title = كلمة مرور لمرة واحدة
users-password-explain = سلّم كلمة المرور هذه لصاحبها شخصيًا. تظهر الآن فقط؛ وعند أول دخول يجب أن يختار كلمة مروره الخاصة.
users-one-time-password = كلمة مرور لمرة واحدة
users-back = العودة إلى حسابات الموظفين

## Treatment sessions
patient-section-sessions = جلسات العلاج
patient-no-sessions = لم تُسجل جلسات بعد.
session-title = جلسة
session-new-title = جلسة جديدة
session-same-as-last = مثل الجلسة السابقة
session-from-template = البدء من قالب
session-start-from-template = ابدأ
template-preempt = الصداع النصفي المزمن: PREEMPT، ‏155 وحدة في 31 موضعًا
template-preempt_follow_the_pain = الصداع النصفي المزمن: PREEMPT مع «تتبع الألم»، ‏195 وحدة في 39 موضعًا
template-cd_rotational_torticollis_left = خلل التوتر العنقي: صعر دوراني (الذقن إلى اليسار)
template-cd_laterocollis_left = خلل التوتر العنقي: ميل جانبي (إلى اليسار)
template-cd_retrocollis = خلل التوتر العنقي: انثناء الرأس للخلف
template-cd_anterocollis = خلل التوتر العنقي: انثناء الرأس للأمام
template-blepharospasm = تشنج الجفن
template-hemifacial_spasm_left = التشنج النصفي الوجهي (الأيسر)
template-uls_flexed_elbow = تشنج الطرف العلوي: مرفق مثني
template-uls_flexed_wrist = تشنج الطرف العلوي: رسغ مثني
template-uls_clenched_fist = تشنج الطرف العلوي: قبضة مطبقة
template-lls_adducted_thigh = تشنج الطرف السفلي: فخذان مضمومتان
template-lls_equinovarus_foot = تشنج الطرف السفلي: قدم فحجاء روحاء
session-date = التاريخ
session-time = الوقت
session-product = المستحضر
session-vial-units = حجم القارورة (وحدات)
session-diluent = المذيب (مل)
session-muscle = العضلة
session-side = الجهة
session-units-per-side = الوحدات (لكل جهة)
session-sites-per-side = المواضع (لكل جهة)
session-guidance = التوجيه
session-earlier-prefix = سابقًا:
session-vials = القوارير المستخدمة
session-lot = رقم التشغيلة
session-expiry = تاريخ الانتهاء
session-anaesthesia = التخدير
session-duration = المدة (دقائق)
session-infection = عدوى في موضع مخطط للحقن
session-save-draft = حفظ المسودة
session-edit-draft = تعديل المسودة
session-status-draft = مسودة
session-status-signed = موقّعة
session-status-void = ملغاة
session-signed-by = وقّعها
session-verdict-at-signing = التقييم عند التوقيع
session-verdict = التقييم
session-override = تجاوز
session-override-reason = سبب المتابعة رغم
session-override-words = لماذا، بكلماتك
session-sign = توقيع الجلسة
session-sign-override = التوقيع مع التجاوز للأسباب المذكورة
session-amended = معدّلة
session-void-reason = أُلغيت لأن
session-void-label = إلغاء هذه الجلسة (أُدخلت خطأ): السبب
session-void = إلغاء الجلسة
session-amend = تعديل الجلسة
session-earlier-versions = الإصدارات السابقة
session-saved-at = حُفظت
session-save-template = حفظ كقالب للعيادة
field-template_name = اسم القالب
session-amend-title = تعديل
session-amend-reason = سبب تعديل السجل الموقّع
session-save-amendment = توقيع الإصدار المعدّل
session-no-injections = أضف عضلة واحدة على الأقل مع وحداتها.
side-left = يسار
side-right = يمين
side-both = الجهتان
side-midline = الخط الناصف
side-choose = اختر الجهة
guidance-emg = تخطيط العضلات الكهربائي
guidance-ultrasound = الموجات فوق الصوتية
guidance-stimulation = التنبيه الكهربائي
guidance-landmarks = المعالم التشريحية
anaesthesia-none = بدون
anaesthesia-topical = موضعي سطحي
anaesthesia-local = موضعي
anaesthesia-sedation = تهدئة
anaesthesia-general = عام

## The safety verdict
verdict-ok = فحص السلامة: لا ملاحظات
verdict-warn = فحص السلامة: تحذيرات
verdict-block = فحص السلامة: محظور حتى يقرر الطبيب
verdict-word-block = ممنوع
verdict-word-warn = تحذيرات
verdict-word-ok = لا ملاحظات
verdict-not-yet = فحص السلامة: لا يمكن فحص الخطة بعد
verdict-of = من
verdict-sites = { $count ->
    [zero] لا مواضع
    [one] موضع واحد
    [two] موضعان
    [few] { $count } مواضع
    [many] { $count } موضعًا
   *[other] { $count } موضع
}
verdict-concentration = التركيز
verdict-volume = الحجم الكلي
verdict-vials = قوارير
verdict-left-over = متبقٍ في القارورة الأخيرة
verdict-days-since = أيام منذ الجلسة السابقة
verdict-window = خلال { $days ->
    [zero] { $days } يوم
    [one] يوم واحد
    [two] يومين
    [few] { $days } أيام
    [many] { $days } يومًا
   *[other] { $days } يوم
}
verdict-remaining = المتبقي
verdict-total = المجموع
verdict-no-findings = لا ملاحظات.

## Follow-up, outcomes and adverse events
nav-worklist = قائمة المهام
session-response = الاستجابة
response-responder = مستجيب
response-non-responder = غير مستجيب
response-not-assessed = لم يُقيَّم
response-too-early = من المبكر الحكم (تحكم القاعدة على دورة لاحقة)
days-count = { $count ->
    [zero] لا أيام
    [one] يوم واحد
    [two] يومان
    [few] { $count } أيام
    [many] { $count } يومًا
   *[other] { $count } يوم
}

outcomes-alarming-title = أحداث ضائرة خطيرة وعلامات انتشار تأثير الذيفان
outcomes-follow-up-title = المتابعة
outcomes-no-follow-ups = لم تُجدول متابعة بعد: توقيع الجلسة يجدولها.
outcomes-assessments-title = التقييمات
outcomes-no-assessments = لا توجد تقييمات مسجلة.
outcomes-goals-title = الأهداف (مقياس تحقيق الأهداف GAS)
outcomes-no-goals = لم تُحدد أهداف.
outcomes-adverse-title = الأحداث الضائرة
outcomes-no-adverse = لا توجد أحداث ضائرة مسجلة.
model-default = التأثير المتوقع لجلسة { $session } (المسار المعتاد): البداية نحو { $onset }، والذروة نحو { $peak }، ويزول بحلول { $end } ({ $weeks } أسابيع). المصادر: { $source }.
model-fitted = التأثير المتوقع لجلسة { $session } (مسار هذا المريض، من { $cycles } تقارير عن مدة الفائدة): البداية نحو { $onset }، والذروة نحو { $peak }، ويزول بحلول { $end } ({ $weeks } أسابيع). مصادر المسار المعتاد: { $source }.

non-response-title = احتمال عدم استجابة ثانوي
non-response-text = استجابة بعد جلسة { $responded } ({ $units } وحدة من { $product })، ثم لا استجابة بعد { $lost }، بالمستحضر نفسه وبجرعة لا تقل عنها.
non-response-next = الخطوات المعتادة التالية:
episodic-again-text = أقل من 15 يومًا من الصداع في الشهر ثلاثة أشهر متتالية (أعداد { $dates }): تطلب قاعدة الصداع النصفي المزمن التفكير في إيقاف العلاج.
episodic-again-title = فكّر في الإيقاف: عاد الصداع النصفي عرضيًا
non-response-step-check_dose_and_muscles = راجع الجرعة والعضلات المختارة؛ وفكّر في التوجيه بتخطيط العضلات أو الموجات فوق الصوتية.
non-response-step-consider_antibody_test = فكّر في فحص الأجسام المضادة المعادِلة (النتيجة لا تتنبأ بفشل العلاج تنبؤًا موثوقًا).
non-response-step-consider_other_product = فكّر في نمط مصلي آخر (الذيفان من النوع B) أو مستحضر خالٍ من البروتينات المعقدة.
non-response-step-avoid_boosters = حافظ على فواصل لا تقل عن 12 أسبوعًا وتجنّب الحقن التكميلية.

follow-up-kind = المتابعة
follow-up-due = الموعد
follow-up-window = من – آخر يوم
follow-up-state = الحالة
follow-up-attempts = محاولات
follow-up-booked = زيارة محجوزة في
follow-up-onset_check = التحقق من بدء التأثير (اتصال)
follow-up-peak_assessment = التقييم في الذروة
follow-up-reinjection = إعادة الحقن
standing-overdue = متأخرة
standing-due_this_week = مستحقة هذا الأسبوع
standing-upcoming = قادمة
closed-as-reached = تمّت: جرى التواصل مع المريض
closed-as-assessed = تمّت: جرى التقييم
closed-as-reinjected = تمّت: أُعيد الحقن
closed-as-superseded = لم تُتابع قبل الجلسة التالية
closed-as-session_void = أُلغيت: الجلسة ملغاة
closed-as-rescheduled = نُقلت
contact-result = نتيجة الاتصال
contact-reached = تم التواصل
contact-not_reached = لم يتم التواصل
contact-visit_booked = حُجزت زيارة
contact-note = ملاحظة
contact-save = تسجيل

assessment-record = تسجيل تقييم
assessment-open-form = فتح النموذج
assessment-scale = المقياس
assessment-details = التفاصيل
assessment-item = البند
assessment-not-applicable = لا ينطبق
assessment-quality = نوعية الاستجابة (0–5)
assessment-save = حفظ التقييم
field-timepoint = متى
field-score = الدرجة
field-level = المستوى
timepoint-baseline = خط الأساس
timepoint-peak = في الذروة
timepoint-before_reinjection = قبل إعادة الحقن
timepoint-other = آخر
entry-void = وضع علامة «أُدخل خطأ»
entry-void-reason = السبب (10 أحرف على الأقل)

goals-t-score = درجة T
goals-latest = الأحدث
goals-sessions = مستهدف في جلسات
goals-session = الجلسة التي تستهدفه
goals-no-session = لا شيء
goals-score = التقييم
goals-new = تحديد هدف جديد
goals-save = حفظ الهدف
field-domain = المجال
field-text = الهدف
field-weight = الوزن النسبي
field-baseline = المستوى عند البداية
field-set_on = حُدد في
goal-domain-symptom = عرض
goal-domain-function = وظيفة
goal-domain-participation = مشاركة
goal-level-minus2 = −2 أقل بكثير من المتوقع
goal-level-minus1 = −1 أقل من المتوقع
goal-level-0 = 0 النتيجة المتوقعة
goal-level-plus1 = +1 أكثر من المتوقع
goal-level-plus2 = +2 أكثر بكثير من المتوقع

ae-title = حدث ضائر
ae-record = تسجيل حدث ضائر
ae-after-session = بعد جلسة
ae-duration-hint = اتركه فارغًا ما دام مستمرًا.
ae-save = حفظ الحدث الضائر
field-kind = الحدث
field-onset_day = بدأ في اليوم
field-duration_days = استمر
field-severity = الشدة
field-outcome = المآل
field-actions = الإجراء المتخذ
field-detail = التفاصيل
adverse-injection_site_pain = ألم في موضع الحقن
adverse-bruising = كدمة
adverse-local_weakness = ضعف موضعي
adverse-ptosis = تدلي الجفن
adverse-dysphagia = صعوبة البلع
adverse-neck_weakness = ضعف الرقبة
adverse-dry_mouth = جفاف الفم
adverse-flu_like_symptoms = أعراض شبيهة بالإنفلونزا
adverse-headache = صداع
adverse-blurred_vision = تشوش الرؤية
adverse-breathing_difficulty = صعوبة التنفس
adverse-distant_spread = انتشار تأثير الذيفان بعيدًا
adverse-allergic_reaction = تفاعل تحسسي
adverse-other = آخر
severity-mild = خفيف
severity-moderate = متوسط
severity-severe = شديد
severity-serious = خطير
ae-outcome-resolved = زال
ae-outcome-resolving = في طور الزوال
ae-outcome-ongoing = مستمر
ae-outcome-resolved_with_sequelae = زال مع آثار دائمة
ae-outcome-unknown = غير معروف
ae-action-none = لا شيء
ae-action-observation = مراقبة
ae-action-treatment_given = أُعطي علاج
ae-action-hospital_admission = دخول المستشفى
ae-action-dose_changed_next_time = تغيير الجرعة في الجلسة التالية
ae-action-reported_to_authority = أُبلغت هيئة الدواء

worklist-title = قائمة المهام
worklist-view = عرض
worklist-view-all = كل المفتوحة
worklist-view-due_this_week = المستحقة هذا الأسبوع
worklist-view-overdue = المتأخرة
worklist-view-upcoming = القادمة
worklist-view-never_followed_up = بلا متابعة أبدًا
worklist-any = أي
worklist-physician = الطبيب
worklist-show = عرض
worklist-week = ينتهي هذا الأسبوع في
worklist-empty = لا شيء للمتابعة.
worklist-record-assessment = سجّل التقييم
worklist-lines = { $count ->
    [zero] لا بنود
    [one] بند واحد
    [two] بندان
    [few] { $count } بنود
    [many] { $count } بندًا
   *[other] { $count } بند
}
worklist-session = الجلسة
worklist-alarming = حدث ضائر خطير مسجل
worklist-never-title = جلسات بلا متابعة أبدًا

## Pictures
timeline-title = المسار الزمني
timeline-alt = الجرعات لكل عضلة والتأثير المتوقع والأحداث الضائرة والدرجات عبر الزمن
timeline-doses = الجرعات لكل عضلة (وحدات المستحضر المعطى؛ العلامات تُقارن داخل المستحضر الواحد)
timeline-effect = التأثير المتوقع (نسبة من أكبر تأثير)، والأحداث الضائرة حيث بدأت
timeline-today = اليوم
direction-lower-better = الأقل أفضل
direction-higher-better = الأعلى أفضل
body-map-title = خريطة الجسم للعضلات المحقونة
body-map-front = الأمام
body-map-back = الخلف
body-map-units-of = وحدات { $product } لكل جهة

## Audit trail
nav-audit = سجل التدقيق
audit-title = سجل التدقيق
audit-explain = كل قراءة وكل تغيير في سجل مريض، وكل دخول وكل تغيير في حساب، الأحدث أولًا. تُذكر السجلات برقمها في bont.
audit-action = الإجراء
audit-patient = رقم المريض
audit-from = من
audit-to = إلى
audit-when = متى (UTC)
audit-record = السجل
audit-detail = التفاصيل
audit-detail-withheld = (بيانات مريض، تظهر للأطباء والممرضين)
audit-client = من العنوان
audit-none = لا أحداث مطابقة.
audit-older = أحداث أقدم
audit-bad-date = { $field }: «{ $value }» ليس تاريخًا؛ اكتبه بالشكل YYYY-MM-DD.
audit-bad-patient = رقم المريض: «{ $value }» ليس رقمًا.
audit-verify = فحص سلسلة التدقيق
audit-intact = سجل التدقيق سليم: { $count ->
    [zero] لا أحداث
    [one] حدث واحد
    [two] حدثان
    [few] { $count } أحداث
    [many] { $count } حدثًا
   *[other] { $count } حدث
}، كل منها مرتبط بما قبله.
audit-broken = جرى العبث بسجل التدقيق: { $count ->
    [one] وُجدت مشكلة واحدة
    [two] وُجدت مشكلتان
    [few] وُجدت { $count } مشكلات
    [many] وُجدت { $count } مشكلة
   *[other] وُجدت { $count } مشكلة
}.
audit-break-edited = تغيّر الحدث { $id } بعد كتابته.
audit-break-unlinked = حُذف الحدث الذي قبل الحدث { $id }، أو أُدرج حدث آخر.
audit-break-forged = نقطة التحقق للحدث { $id } غير مختومة بمفتاح التدقيق.
audit-break-truncated = تشير نقطة تحقق إلى الحدث { $id }، وهو مفقود أو مختلف: حُذفت أحداث من النهاية أو أُعيدت كتابة السجل.
audit-break-no-key = الحدث { $id } مختوم بمفتاح التدقيق، ولم يُعطَ هذا الخادم المفتاح.
audit-break-unsealed = للحدث { $id } تجزئة عادية حيث يجب أن يكون ختم مفتاح التدقيق: أُعيدت كتابة السجل دون المفتاح.
audit-head = أحدث حلقة (رأس السلسلة):
audit-head-explain = دوّن رأس السلسلة خارج bont (مع سجل النسخ الاحتياطي مثلًا): يثبت لاحقًا `bont audit verify --expect-head` أنه لم يُحذف أي حدث حتى ذلك الرأس.
audit-back = العودة إلى سجل التدقيق

## API tokens
nav-tokens = رموز API
tokens-title = رموز API
tokens-explain = يسمح الرمز لنظام آخر (سجل المستشفى، تصدير للبحث) باستخدام واجهة bont البرمجية باسمك وبدورك؛ ورمز القراءة لا يستطيع إلا القراءة. من يملكه يتصرف باسمك: احفظه في مخزن الأسرار لذلك النظام، وألغه حين لا يعود مستخدمًا.
tokens-secret-explain = يظهر الرمز الجديد الآن فقط. انسخه إلى النظام الذي سيستخدمه؛ لا يحتفظ bont إلا ببصمته.
tokens-create = إنشاء رمز
tokens-none = لا رموز بعد.
tokens-created = أُنشئ (UTC)
tokens-last-used = آخر استخدام (UTC)
tokens-revoke = إلغاء
tokens-revoked = ملغى
token-scope-read = قراءة فقط
token-scope-write = قراءة وكتابة
field-scope = النطاق
field-name = الاسم

## Pseudonymised clinics
identifier-title = قد يكشف هذا السجل هوية المريض
identifier-explain = تعمل العيادة ببيانات مستعارة: يُعرف المرضى برمز. يرجى حذف ما يلي، أو حفظه في السجل الذي يحتفظ بالهويات.
identifier-found = { $field }: { $kind } «{ $found }»
identifier-kind-name = اسم
identifier-kind-email = عنوان بريد إلكتروني
identifier-kind-phone = رقم هاتف
identifier-kind-birth_date = ما يبدو تاريخ ميلاد
identifier-kind-address = ما يبدو عنوانًا
identifier-kind-name_label = وسم اسم
nav-clinic = إعدادات العيادة
clinic-title = إعدادات العيادة
clinic-pseudonymised = تعمل العيادة ببيانات مستعارة
clinic-pseudonymised-hint = يُعرف المرضى برمز (الاسم المستعار) وتُحفظ هوياتهم في مكان آخر أو لا تُحفظ أصلًا. تشير صفحات المريض والجلسة عندئذ إلى الأسماء وبيانات الاتصال، وإلى ما يبدو في الملاحظات عنوان بريد إلكتروني أو رقم هاتف أو تاريخ ميلاد أو عنوانًا أو وسم اسم.
clinic-save = حفظ الإعدادات

## After-care sheet
session-after-care = إرشادات المريض بعد الجلسة
aftercare-back = العودة إلى الجلسة
aftercare-title = بعد حقنة ذيفان البوتولينوم
aftercare-injected = ما الذي حُقن
aftercare-expect-title = ما الذي تتوقعه
aftercare-expect = يبدأ التأثير عادة بعد { $onset } من الحقن (نحو { $onset_date })، ويبلغ أقصاه نحو { $peak_date }، ويزول خلال نحو { $weeks }. يظهر تدريجيًا: لا تتوقع تغيرًا في اليوم الأول.
aftercare-warning-title = اطلب المساعدة الطبية فورًا إذا ظهر لديك
aftercare-warning-intro = قد يؤثر الذيفان نادرًا خارج العضلات المحقونة. اتصل بالطبيب أو بالإسعاف فورًا عند:
aftercare-warning-swallowing = صعوبة البلع أو الشرقة بالطعام أو الشراب؛
aftercare-warning-breathing = صعوبة التنفس أو ضيق النفس؛
aftercare-warning-speaking = صعوبة الكلام أو تغير الصوت؛
aftercare-warning-weakness = ضعف يمتد خارج العضلات المعالجة أو ضعف عام؛
aftercare-warning-vision = ازدواج الرؤية أو تدلي الجفون إذا لم يكن موجودًا من قبل.
aftercare-warning-when = قد تظهر هذه العلامات بعد ساعات أو أسابيع من الحقن.
aftercare-eye-title = عيناك
aftercare-eye = قد تُضعف الحقن قرب العين الرمش لبعض الوقت. أخبرنا فورًا إذا أصبحت عينك مؤلمة أو حمراء أو جافة أو حساسة للضوء، أو إذا تغيرت رؤيتك.
aftercare-next-title = مواعيدك القادمة
aftercare-other-toxin = قبل حقنتك القادمة، أخبرنا بأي ذيفان بوتولينوم آخر تلقيته خلال الأشهر الأربعة الأخيرة لأي سبب.
aftercare-contact = للأسئلة أو المخاوف: اتصل بعيادتك،
document-sources = ما تذكره هذه الورقة عن الدواء مأخوذ من النشرات الرسمية للمستحضرات؛ يمكن للعيادة أن تريك المصادر بدقة.

weeks-count = { $count ->
    [zero] لا أسابيع
    [one] أسبوع واحد
    [two] أسبوعان
    [few] { $count } أسابيع
    [many] { $count } أسبوعًا
   *[other] { $count } أسبوع
}

## Session record and letter
document-back = رجوع
session-record-title = سجل الجلسة
session-record-link = سجل الجلسة (للطباعة)
patient-letter-link = رسالة إلى الطبيب المحيل
patient-duplicate-link = افتح السجل رقم
patient-duplicate-explain = لسجل آخر في هذه العيادة تاريخ الميلاد نفسه واسم عائلة يُقرأ بالطريقة نفسها (ربما بخط آخر). تحقق قبل العلاج؛ وإن كان الشخص نفسه فأبقِ سجلًا واحدًا.
patient-duplicate-title = ربما الشخص نفسه
letter-title = العلاج بذيفان البوتولينوم: رسالة إلى الطبيب المحيل
letter-salutation = الزميل العزيز،
letter-opening = يُعالج مريضكم { $name }، المولود في { $birth } (رقم ملفه لدينا { $number })، في عيادتنا بذيفان البوتولينوم بسبب: { $indications }. العلاج حتى الآن:
letter-sessions = الجلسات
letter-dose = الجرعة
letter-plan = الخطة
letter-closing = مع أطيب التحيات،

## Patient information leaflet
leaflet-link = نشرة المريض
leaflet-title = العلاج بذيفان البوتولينوم: { $indication }
leaflet-intro = يُحقن ذيفان البوتولينوم في عضلات (أو غدد) مختارة لإضعافها مدة من الزمن. تُختار الجرعة والمواضع لك وتُسجل في كل جلسة.
leaflet-time-title = متى يعمل وإلى متى
leaflet-time = يبدأ التأثير عادة بعد { $onset } من الحقن، ويبلغ أقصاه بعد نحو { $peak }، ويستمر نحو { $weeks }.
leaflet-often-title = كم مرة
leaflet-often = تُعطى الحقن عادة بفاصل لا يقل عن { $weeks }.
leaflet-not-title = من لا ينبغي أن يتلقاه
leaflet-not-allergy = من لديه حساسية من ذيفان البوتولينوم أو من مكون آخر في المستحضر؛
leaflet-not-infection = من لديه عدوى في مواضع الحقن المخطط لها.
leaflet-tell-title = أخبر طبيبك مسبقًا
leaflet-tell-neuromuscular = إن كان لديك مرض في الأعصاب والعضلات (مثل الوهن العضلي الوبيل أو متلازمة لامبرت-إيتون أو اعتلال الأعصاب الحركي أو التصلب الجانبي الضموري)؛
leaflet-tell-swallowing = إن كانت لديك صعوبة في البلع أو التنفس؛
leaflet-tell-medicines = بالأدوية التي تتناولها، ولا سيما المضادات الحيوية الأمينوغليكوزيدية ومرخيات العضلات والأدوية المضادة للكولين؛

## Parts of scales
scale-part-severity = الشدة
scale-part-disability = العجز
scale-part-pain = الألم
scale-part-frequency = التكرار

## Titles of the safety findings (the detail follows as the check wrote it)
finding-above_labelled_dose = أعلى من الجرعة المعتمدة في النشرة
finding-age_outside_label = العمر خارج نطاق النشرة
finding-below_labelled_range = أقل من النطاق المعتمد في النشرة
finding-bilateral_sternocleidomastoid = حقن العضلتين القصيتين الترقويتين الخشائيتين
finding-cardiovascular_disease = مرض قلبي وعائي
finding-contraindicated = مضاد استطباب
finding-cumulative_max_exceeded = تجاوز الحد الأقصى التراكمي
finding-dilution_unusual = تمديد غير معتاد
finding-dysphagia_or_breathing_difficulty = صعوبة في البلع أو التنفس
finding-earlier_adverse_event = حدث ضار سابق
finding-interacting_medication = دواء متداخل
finding-interval_too_short = الفاصل قصير جدًا
finding-muscle_dose_below_range = جرعة العضلة أقل من النطاق المعتمد
finding-muscle_dose_out_of_range = جرعة العضلة أعلى من النطاق المعتمد
finding-muscle_max_exceeded = تجاوز الحد الأقصى للعضلة
finding-muscle_unusual_for_indication = عضلة غير معتادة لهذا الاستطباب
finding-neuromuscular_disorder = اضطراب عصبي عضلي
finding-off_label = استعمال خارج النشرة
finding-other_product_in_window = ذيفان آخر مؤخرًا
finding-pediatric_absolute_exceeded = تجاوز الحد الأقصى المطلق للأطفال
finding-pediatric_per_kg_exceeded = تجاوز الجرعة لكل كيلوغرام للأطفال
finding-periocular_injection = حقن قرب العين
finding-pregnancy_or_breastfeeding = الحمل أو الإرضاع
finding-product_outside_neurology = مستحضر غير معتمد للاستعمال العصبي
finding-session_max_exceeded = تجاوز الحد الأقصى للجلسة
finding-side_unusual = حدد الجهة
finding-site_max_exceeded = الجرعة لكل موضع أعلى من الحد الأقصى
finding-structure_to_avoid = بنية يجب تجنبها
finding-volume_per_site_exceeded = حجم كبير جدًا لكل موضع
finding-weight_below_label = الوزن أقل من الحد الأدنى في النشرة
finding-weight_missing = الوزن غير مسجل

## Clinic after-care advice
clinic-advice-title = إرشادات العيادة بعد الجلسة
clinic-advice-hint = ما ينبغي أن يتجنبه مرضاك بعد الحقن، بكلمات عيادتك. تطبعه ورقة الإرشادات تحت «ما يجب تجنبه» بلغة المريض؛ ولا يُطبع هذا القسم للغة التي تُركت فارغة.
clinic-advice = الإرشادات: { $language }
field-advice_en = الإرشادات بالإنجليزية
field-advice_pl = الإرشادات بالبولندية
field-advice_ru = الإرشادات بالروسية
field-advice_ar = الإرشادات بالعربية
aftercare-avoid-title = ما يجب تجنبه
aftercare-avoid-from = إرشادات { $clinic }.

## نص ملاحظات فحص السلامة
dose = { $units } وحدة من { $product }
date-long = { $day } { $month ->
    [1] يناير
    [2] فبراير
    [3] مارس
    [4] أبريل
    [5] مايو
    [6] يونيو
    [7] يوليو
    [8] أغسطس
    [9] سبتمبر
    [10] أكتوبر
    [11] نوفمبر
   *[12] ديسمبر
} { $year }
scope-label = { $jurisdiction ->
    [protocol] بروتوكول الدراسة
   *[other] نشرة { $jurisdiction }
}
scope-adults = البالغون
scope-children = الأطفال
region-label = (نشرة { $jurisdiction })
finding-detail-whose = { $whose ->
    [side] مجموع الجهة ذات الجرعة الأكبر
   *[session] مجموع الجلسة
}
finding-detail-product-outside-neurology = { $product } غير معتمد للاستعمال في الأمراض العصبية. { $note }
finding-detail-off-label = ليس لـ { $product } اعتماد في استطباب «{ $indication }»؛ ومع ذلك تُفحص الخطة وفق حدود المستحضر لجميع الاستطبابات.
finding-detail-age-adults-only = عمر المريض { $age ->
    [zero] أقل من سنة
    [one] سنة واحدة
    [two] سنتان
    [few] { $age } سنوات
    [many] { $age } سنة
   *[other] { $age } سنة
}؛ نشرة { $product } في استطباب «{ $indication }» تشمل البالغين فقط.
finding-detail-weight-missing = عمر المريض { $age ->
    [zero] أقل من سنة
    [one] سنة واحدة
    [two] سنتان
    [few] { $age } سنوات
    [many] { $age } سنة
   *[other] { $age } سنة
}: جرعات الأطفال محدودة لكل كيلوغرام، ولم يُسجَّل الوزن.
finding-detail-age-outside-range = عمر المريض { $age ->
    [zero] أقل من سنة
    [one] سنة واحدة
    [two] سنتان
    [few] { $age } سنوات
    [many] { $age } سنة
   *[other] { $age } سنة
}؛ تشمل هذه النشرة الأعمار من { $from } إلى { $to } سنة ({ $scope }).
finding-detail-weight-below-label = وزن المريض { $kg } كغ؛ لا تعطي هذه النشرة جرعات لوزن أقل من { $min } كغ ({ $scope }).
finding-detail-session-max = { finding-detail-whose }، { $amount }، أعلى من الحد الأقصى { $max } ({ $scope }).
finding-detail-range-exceeded = { finding-detail-whose }، { $amount }، أعلى من النطاق المعتمد من { $low } إلى { $high } وحدة ({ $scope }).
finding-detail-below-labelled-range = { finding-detail-whose }، { $amount }، أقل من النطاق المعتمد من { $low } إلى { $high } وحدة ({ $scope }).
finding-detail-above-labelled-dose = { finding-detail-whose }، { $amount }، أعلى من الجرعة المعتمدة { $fixed } ({ $scope }).
finding-detail-pediatric-per-kg = { finding-detail-whose }، { $amount }، أعلى من { $per_kg } وحدة/كغ × { $kg } كغ = { $cap } ({ $scope }).
finding-detail-pediatric-absolute = { finding-detail-whose }، { $amount }، أعلى من الحد الأقصى المطلق { $cap } ({ $scope }).
finding-detail-weight-band = { finding-detail-whose }، { $amount }، أعلى من الجرعة المعتمدة { $cap } لطفل وزنه { $kg } كغ (الفئة من { $from } كغ؛ { $scope }).
finding-detail-cumulative-max = خلال { $window ->
    [zero] { $window } يوم
    [one] يوم واحد
    [two] يومان
    [few] { $window } أيام
    [many] { $window } يومًا
   *[other] { $window } يوم
} (من { $from } إلى { $to }) مع هذه الجلسة: { $in_window }، وهذا أعلى من الحد الأقصى { $cap }؛ أعطت الجلسات الأخرى في تلك الأيام { $others } ({ $scope }).
finding-detail-site-max = { $muscle }، { $side }: { $per_site } وحدة من { $product } لكل موضع أعلى من { $max } وحدة، { $why ->
    [advisory] وهو الحد الذي لا تذكر النشرة بعده فائدة إضافية
   *[maximum] وهو الحد الأقصى لكل موضع في النشرة
} ({ $scope }).
finding-detail-volume-per-site = { $muscle }، { $side }: { $ml } مل لكل موضع أعلى من { $max_ml } مل ({ $scope }).
finding-detail-muscle-max = { $muscle }: { $given } للجهتين معًا أعلى من { $max } ({ $reason }؛ { $scope }).
finding-detail-muscle-dose-above = { $muscle }، { $side }: { $given } أعلى من النطاق المعتمد من { $low } إلى { $high } وحدة{ $basis ->
    [per_kg] {" "}(من { $per_kg_low } إلى { $per_kg_high } وحدة/كغ × { $kg } كغ)
   *[units] {""}
}.
finding-detail-muscle-dose-below = { $muscle }، { $side }: { $given } أقل من النطاق المعتمد من { $low } إلى { $high } وحدة{ $basis ->
    [per_kg] {" "}(من { $per_kg_low } إلى { $per_kg_high } وحدة/كغ × { $kg } كغ)
   *[units] {""}
}.
finding-detail-interval-too-short = الفاصل منذ الجلسة الأخيرة ({ $last }، { $last_date }): { $days ->
    [zero] { $days } يوم
    [one] يوم واحد
    [two] يومان
    [few] { $days } أيام
    [many] { $days } يومًا
   *[other] { $days } يوم
}؛ { finding-detail-interval-basis }{ finding-detail-interval-booster }.
finding-detail-above-labelled-range = { finding-detail-whose }، { $amount }، أعلى من { $kind ->
    [initial] الجرعة الأولية في النشرة، من { $low } إلى { $high } وحدة؛ تتبع الجرعات اللاحقة استجابة المريض
   *[recommended] النطاق الموصى به في النشرة من { $low } إلى { $high } وحدة، ولا تذكر له حدًا أقصى
} ({ $scope }).
finding-detail-interval-too-short-later = الفاصل حتى جلسة لاحقة ({ $last }، { $last_date }): { $days ->
    [zero] { $days } يوم
    [one] يوم واحد
    [two] يومان
    [few] { $days } أيام
    [many] { $days } يومًا
   *[other] { $days } يوم
}؛ { finding-detail-interval-basis }{ finding-detail-interval-booster }.
finding-detail-interval-booster = { $booster ->
    [yes] {" "}(أقل من النصف: الجرعة المعززة تزيد خطر الأجسام المضادة المعادِلة)
   *[no] {""}
}
finding-detail-interval-basis = { $basis ->
    [label] الحد الأدنى للفاصل في النشرة { $minimum ->
    [zero] { $minimum } يوم
    [one] يوم واحد
    [two] يومان
    [few] { $minimum } أيام
    [many] { $minimum } يومًا
   *[other] { $minimum } يوم
}
    [caution] تحذّر النشرة من العلاج أكثر من مرة كل { $minimum ->
    [zero] { $minimum } يوم
    [one] يوم واحد
    [two] يومان
    [few] { $minimum } أيام
    [many] { $minimum } يومًا
   *[other] { $minimum } يوم
} (قد يحدث تحمّل)
   *[general] لا تذكر النشرة حدًا أدنى للفاصل في استطباب «{ $indication }»؛ ينبّه bont إذا قلّ الفاصل عن { $minimum ->
    [zero] { $minimum } يوم
    [one] يوم واحد
    [two] يومان
    [few] { $minimum } أيام
    [many] { $minimum } يومًا
   *[other] { $minimum } يوم
} (الإعداد العام)
}
finding-detail-hypersensitivity = فرط حساسية معروف لذيفان البوتولينوم: { $product } مضاد استطباب{ $region }.
finding-detail-albumin-allergy = حساسية من الألبومين البشري، وهو سواغ في { $product }: مضاد استطباب{ $region }.
finding-detail-infection-at-site = عدوى في موضع حقن مخطط: { $product } مضاد استطباب هناك{ $region }.
finding-detail-cow-milk-allergy = حساسية من بروتين حليب البقر: { $product } مضاد استطباب{ $region }.
finding-detail-neuromuscular-contraindicated = مرض عصبي عضلي ({ $conditions }): يجب عدم استعمال { $product }{ $region }.
finding-detail-dysphagia-contraindicated = صعوبة سابقة في البلع أو التنفس: يجب عدم استعمال { $product }{ $region }.
finding-detail-neuromuscular-warning = { $conditions }: خطر أعلى لضعف شديد وعسر البلع ومشكلات التنفس حتى بالجرعات المعتادة؛ تجب المراقبة الدقيقة{ $region }.
finding-detail-dysphagia-warning = صعوبة سابقة في البلع أو التنفس: قد يزيدها الذيفان سوءًا؛ تجب المراقبة الدقيقة{ $region }.
finding-detail-cardiovascular = مرض قلبي وعائي سابق: تحذير في نشرة { $product }{ $region }.
finding-detail-pregnant = الحمل: البيانات البشرية غير كافية؛ وازن بين الفائدة والخطر وسجّل القرار.
finding-detail-breastfeeding = الإرضاع: لا تعطي أي نشرة قاعدة؛ وازن بين الفائدة والخطر وسجّل القرار.
finding-detail-periocular = حقن قرب العين ({ $muscles }): قلة الرمش قد تعرّض القرنية؛ تجنب العضلة الرافعة للجفن العلوي والجزء الإنسي من الجفن السفلي.
finding-detail-other-product = ذيفان بوتولينوم آخر في حدود { $lookback ->
    [zero] { $lookback } يوم
    [one] يوم واحد
    [two] يومان
    [few] { $lookback } أيام
    [many] { $lookback } يومًا
   *[other] { $lookback } يوم
} من هذه الجلسة: { $parts }. وحدات المستحضرات المختلفة غير قابلة للتبادل.
finding-detail-other-product-part = { $dose } في { $date } ({ $days ->
    [zero] { $days } يوم
    [one] يوم واحد
    [two] يومان
    [few] { $days } أيام
    [many] { $days } يومًا
   *[other] { $days } يوم
} { $later ->
    [yes] بعد هذه الجلسة
   *[no] قبل هذه الجلسة
})
finding-detail-other-product-part-equivalent = { finding-detail-other-product-part }، أي ما يقارب من { $low } إلى { $high } وحدة من { $product } (تقريبي، النسبة { $ratio }، { $sources }؛ لا يُستعمل أبدًا لرفع حد)
finding-detail-interacting-medication = { $drugs } ({ $class }): { $effect }.
finding-detail-structure-to-avoid = { $muscle }: بنية يجب الابتعاد عنها ({ $reason }).
finding-detail-side-unusual = { $muscle } عضلة مزدوجة: حدد اليسار أو اليمين أو الجهتين بدلًا من الخط الناصف.
finding-detail-muscle-unusual = { $muscle }: ليست هدفًا معتادًا في استطباب «{ $indication }».
finding-detail-bilateral-scm = حقن العضلتين القصيتين الترقويتين الخشائيتين: عسر البلع أكثر حدوثًا مع الحقن الثنائي؛ فكّر في جرعات أقل.
finding-detail-adverse-event-repeated = { $event } ({ $severity }) تلا جلسة { $date } بالمستحضر { $product } في: { $muscles }؛ وهذه الخطة تعطي المستحضر نفسه مجددًا في: { $repeated }.
finding-detail-adverse-event-earlier = { $event } ({ $severity }) بعد جلسة { $date } ({ $product }؛ { $muscles }).
finding-detail-dilution-unusual = قارورة { $vial } وحدة في { $diluent_ml } مل تعطي { $per_tenth } وحدة من { $product } لكل 0.1 مل؛ تعطي طرق التحضير في النشرة { $usual } وحدة لكل 0.1 مل.

## Units
unit-u = وحدة
unit-ml = مل

## ما الخطأ في حقل من الخطة أو النموذج
field-row = السطر { $row }
problem-not-a-whole-number = «{ $value }» ليس عددًا صحيحًا.
problem-not-known = «{ $value }» { $kind ->
    [condition] حالة غير معروفة
    [allergy] حساسية غير معروفة
    [product] مستحضر غير معروف
    [indication] استطباب غير معروف
    [scale] مقياس غير معروف
   *[part] جزء غير معروف من هذا المقياس
}.
problem-not-one-of = «{ $value }» ليس من القيم: { $allowed }.
problem-unknown-muscle = «{ $value }» غير موجود في دليل العضلات.
problem-unknown-muscle-candidates = «{ $value }» غير موجود في دليل العضلات؛ هل المقصود: { $candidates }؟
problem-outside = { $value } خارج النطاق من { $min } إلى { $max }{ $unit ->
    [kg] {" "}كغ
    [ml] {" "}مل
    [minutes] {" "}دقيقة
    [sites] {" "}موضع
    [days] {" "}يوم
   *[none] {""}
}.
problem-implausible-units = { $value } ليس عددًا معقولًا من الوحدات.
problem-implausible-vial = { $value } ليس حجم قارورة معقولًا.
problem-more-sites-than-units = { $sites } موضع لـ { $units } وحدة: المواضع أكثر من الوحدات.
problem-implausible-dose = { $units } وحدة من { $product }{ $whole ->
    [session] {" "}في هذه الجلسة
   *[row] {""}
} ليست جرعة معقولة: نشرات المنتج تذكر { $largest } وحدة على الأكثر في الجلسة، وما فوق { $ceiling } وحدة يُعدّ خطأً في الكتابة. صحّح عدد الوحدات؛ لا يمكن تجاوز ذلك.
problem-exponent-notation = «{ $value }» مكتوب بأس: اكتب العدد كاملًا (1000 لا 1e3).
problem-session-in-future = { $value } بعد اليوم؛ تُسجَّل الجلسة بعد إجرائها.
problem-date-in-past = { $value } يوم قد مضى.
problem-not-a-time = «{ $value }» ليس وقتًا (HH:MM).
problem-required-because = { $because ->
    [diluent_given] مطلوب عند إدخال حجم المذيب.
   *[powder] مطلوب مع قارورة مسحوق تحتاج إلى إذابة.
}
problem-no-injections = لا تتضمن الخطة أي حقن.
problem-given-twice = هذه العضلة وهذه الجهة مذكورتان مرتين.
problem-lot-expired = انتهت صلاحية التشغيلة { $lot } في { $expiry }، قبل الجلسة.
problem-not-a-lot-of-session = «{ $value }» ليست تشغيلة من هذه الجلسة ({ $count ->
    [0] لم تُسجَّل أي تشغيلة
   *[other] { $lots }
}).
problem-choose-lot = اختر التشغيلة: { $lots }.
problem-reason-length = اكتب سببًا من { $min } إلى { $max } حرفًا.
problem-override-needed = «{ $finding }» يمنع التوقيع: اكتب سببًا مكتوبًا لتجاوزه.
problem-override-reason-length = يجب أن يكون سبب تجاوز «{ $finding }» من { $min } إلى { $max } حرفًا.
problem-not-blocking = { $finding } ليس ملاحظة مانعة في هذه الجلسة.
severity-word-info = معلومة
severity-word-warn = تحذير
severity-word-block = منع
verdict-signed-override = فحص السلامة: وُقّعت رغم الملاحظات؛ وقّعها { $who }
override-kind-none = النوع غير مسجل
override-kind-other = سبب آخر (اذكره)
override-kind-study_protocol = يحدد ذلك بروتوكول دراسة
override-kind-other_jurisdiction = تسمح بذلك نشرة بلد آخر
override-kind-tolerated_before = تحمّل المريض جرعة أعلى في دورات سابقة دون ضرر
override-kind-choose = اختر نوع المبرر
override-kind = نوع المبرر
problem-not-for-male = لا يمكن تسجيل ذلك لمريض ذكر.
problem-needed-to-sign = { $what ->
    [consent] يجب تسجيل موافقة المريض على العلاج (في صفحة المريض) قبل توقيع الجلسة.
   *[vials] تذكر الجلسة الموقعة رقم التشغيلة وتاريخ الانتهاء لكل قارورة مستعملة: أضفها قبل التوقيع.
}
problem-override-reason-words = يجب أن يشرح مبرر تجاوز «{ $finding }» السبب في { $min } كلمات على الأقل.
problem-override-kind-needed = اختر نوع المبرر لتجاوز «{ $finding }».
problem-item-count = يتطلب { $needed } بندًا (كل بند من { $min } إلى { $max } أو «لا ينطبق»)؛ أُدخل { $given }.
problem-not-a-step = { $value } ليس من خطوات { $step } في هذا المقياس.
problem-scored-on-goals = يُسجَّل مقياس تحقيق الأهداف (GAS) هدفًا هدفًا، عند أهداف المريض.
problem-at-least-one-item = يجب أن ينطبق بند واحد على الأقل.
problem-empty-while-ongoing = اتركه فارغًا ما دام الحدث مستمرًا.

## Fields named in the messages about a plan or a form
field-units = { session-units-per-side }
field-sites = { session-sites-per-side }
field-muscle = { session-muscle }
field-side = { session-side }
field-guidance = { session-guidance }
field-lot = { session-lot }
field-expiry = { session-expiry }
field-time = { session-time }
field-anaesthesia = { session-anaesthesia }
field-duration_minutes = { session-duration }
field-vial_units = { session-vial-units }
field-diluent_ml = { session-diluent }
field-product = { session-product }
field-date = { session-date }
field-scale = { assessment-scale }
field-indication = الاستطباب
field-overrides = أسباب التجاوز
field-total_units = مجموع الوحدات
field-history = جلسة سابقة
field-injections = الحقن
field-vials = القارورة
field-items = البنود
field-rows = مجموعات العضلات
field-quality = نوعية استجابة العضلة
field-r1 = الزاوية R1
field-r2 = الزاوية R2
field-result = نتيجة الاتصال
field-booked_on = موعد الزيارة في
field-note = ملاحظة
field-parts = الجزء

## لماذا لا تسمح حالة السجل بالتغيير
state-draft-only = لا يمكن تعديل إلا المسودة؛ الجلسة الموقعة تُصحَّح.
state-sign-draft-only = لا يمكن توقيع إلا المسودة.
state-amend-signed-only = لا يمكن تصحيح إلا جلسة موقعة.
state-session-void = الجلسة ملغاة أصلًا.
state-follow-up-closed = هذه المتابعة مغلقة أصلًا.
state-event-void = هذا الحدث الضائر ملغى أصلًا.
state-ae-signed-only = يُسجَّل الحدث الضائر على جلسة موقَّعة: وقِّع الجلسة أولًا.
state-after-care-signed-only = تُطبع إرشادات ما بعد الجلسة لجلسة موقعة.
