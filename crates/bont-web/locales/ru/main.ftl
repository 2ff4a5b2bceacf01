app-name = bont
yes = да
no = нет

## Navigation
nav-label = Главное меню
nav-patients = Пациенты
nav-users = Учётные записи
nav-accounts-awaiting = Учётные записи на подтверждение
accounts-confirm = Подтвердить
accounts-awaiting-none = Нет учётных записей, ждущих подтверждения.
accounts-awaiting-explain = Администратор создал эти учётные записи или сбросил их пароли. Доступ к картам пациентов они получат, когда врач клиники подтвердит, что они принадлежат названным людям.
accounts-awaiting-title = Учётные записи на подтверждение
nav-password = Сменить пароль
nav-logout = Выйти

## Errors
error-not-found = Не найдено
error-forbidden = Ваша роль этого не позволяет
error-form-expired = Срок действия формы истёк, или она отправлена не из bont. Вернитесь, обновите страницу и отправьте форму снова.
error-unauthenticated = Войдите в систему
error-malformed = Не удалось прочитать запрос
error-too-large = Запрос слишком большой
error-media-type = Отправьте тело запроса в формате JSON (Content-Type: application/json)
error-invalid = Некоторые данные нужно исправить
error-conflict = Кто-то другой изменил эту запись, пока она была открыта
error-wrong-state = В текущем состоянии записи это сделать нельзя
error-internal = На нашей стороне произошла ошибка; ничего не сохранено
error-busy = Сервер занят; повторите через мгновение. Ничего не сохранено.
error-storage-locked = База данных сейчас занята другой программой; повторите через несколько секунд. Ничего не сохранено.
error-storage-full = Диск сервера заполнен. Ничего не сохранено; сообщите тому, кто обслуживает сервер. Работу можно продолжить, когда место освободится.
error-storage-damaged = Файл базы данных повреждён. Ничего не сохранено; сообщите тому, кто обслуживает сервер: базу нужно восстановить из последней резервной копии (bont restore).
error-go-home = На начальную страницу

## Login and passwords
login-title = Вход
login-failed = Неверное имя пользователя или пароль.
login-locked = Слишком много неудачных попыток для этого имени пользователя с этого компьютера. Повторите через { $minutes } мин или попросите администратора сбросить пароль.
login-expired = Срок действия этого одноразового пароля истёк (он действовал { $hours } ч). Попросите у администратора новый.
login-awaiting-confirmation = Эта учётная запись ждёт подтверждения врачом клиники. Попросите врача подтвердить её в разделе «Учётные записи на подтверждение».
login-busy = Сейчас входит много людей одновременно. Повторите через мгновение.
login-slowed = Для этого имени пользователя было много неудачных попыток с других адресов, поэтому попытки замедлены до одной в минуту. Повторите через { $seconds } с; если это были не вы, сообщите администратору.
login-address-limited = Слишком много неудачных попыток с этого компьютера. Повторите через { $minutes } мин.
login-submit = Войти
password-title = Смена пароля
password-must-change = Вы вошли с одноразовым паролем. Чтобы продолжить, задайте собственный пароль.
password-hint = Не менее 12 символов. Несколько не связанных между собой слов — хороший пароль.
password-submit = Сменить пароль
password-current-wrong = Текущий пароль: неверен.
password-same-as-before = Новый пароль: выберите пароль, отличный от текущего.

## Start page
home-title = Начало
home-patient-count = { $count ->
    [one] { $count } пациент
    [few] { $count } пациента
   *[many] { $count } пациентов
}
home-nothing-yet = Для вашей роли пока ничего не доступно.
home-today = Процедуры сегодня
home-today-none = На сегодня процедуры не записаны.
home-drafts = Черновики, ожидающие подписи врача
home-drafts-none = Черновиков, ожидающих подписи, нет.
home-dose = Доза
home-shown-of = Показано { $shown } из { $total }.

## Patients
patients-title = Пациенты
patients-search-label = Найти пациента
patients-search-hint = Фамилия, номер карты или дата рождения (ГГГГ-ММ-ДД)
patients-search-submit = Найти
patients-found = { $count ->
    [0] Пациенты не найдены
    [one] { $count } пациент
    [few] { $count } пациента
   *[many] { $count } пациентов
}
patients-name = ФИО
patients-age = Возраст
age-years = { $years ->
    [one] { $years } год
    [few] { $years } года
   *[many] { $years } лет
}
pager-label = Страницы
pager-previous = Предыдущая страница
pager-next = Следующая страница
pager-position = Страница { $page } из { $pages }
patient-new-title = Новый пациент
patient-edit-title = Изменить данные пациента
patient-section-identity = Личные данные
patient-section-clinical = Важное для лечения токсином
patient-section-contact = Контакты
patient-section-consent = Согласия
patient-weight-measured = измерен
patient-not-recorded = не указано
patient-none = нет
patient-version = Версия
patient-conflict = Кто-то другой изменил данные этого пациента, пока они были открыты. Ваши изменения не сохранены: откройте запись снова, чтобы увидеть текущую версию.
patient-medications-hint = По одному препарату в строке. Взаимодействующие препараты (аминогликозиды, миорелаксанты, антихолинергические средства, магний, антикоагулянты) распознаются по названию.

## Forms
form-has-errors = Исправьте следующее:
form-choose = Выберите…
form-save = Сохранить
form-cancel = Отмена
form-leave-unsaved = Покинуть эту форму? Введённое здесь не сохранено.

## Field labels
field-record_number = Номер карты
field-family_name = Фамилия
field-given_names = Имя и отчество
field-pseudonym = Псевдоним
field-birth_date = Дата рождения
field-sex = Пол
field-weight_kg = Масса тела (кг)
field-weight_measured_on = Дата измерения массы тела
field-preferred_language = Предпочитаемый язык
field-phone = Телефон
field-email = Эл. почта
field-address = Адрес
field-consent_treatment = Согласие на лечение ботулиническим токсином
field-consent_reminders = Согласие на напоминания по телефону или SMS
field-consent_research = Согласие на использование псевдонимизированных данных в исследованиях
field-indications = Показания
field-conditions = Заболевания
field-allergies = Аллергии
field-medications = Препараты
field-pregnant = Беременность
field-breastfeeding = Грудное вскармливание
field-notes = Примечания
field-username = Имя пользователя
field-password = Пароль
field-password_repeat = Повторите пароль
field-current_password = Текущий пароль
field-display_name = Имя, видимое коллегам
field-role = Роль
field-language = Язык

## What is wrong with a field
problem-required = обязательно для заполнения.
problem-too-long = слишком длинно (не более { $max } символов).
problem-too-many = слишком много записей (не более { $max }).
problem-control-characters = содержит переносы строк или управляющие символы.
problem-not-a-date = «{ $value }» — не дата; введите её как ГГГГ-ММ-ДД.
problem-date-in-future = не может быть в будущем.
problem-date-too-early = не может быть раньше { $earliest }.
problem-before-birth = не может быть раньше даты рождения.
problem-not-a-number = «{ $value }» — не число.
problem-ambiguous-number = «{ $value }» можно прочитать двояко: напишите число без разделителя тысяч (1500) или не более чем с двумя знаками после запятой (1,5).
problem-out-of-range = должно быть от { $min } до { $max } { $unit }.
problem-unknown = «{ $value }» — недопустимое значение.
problem-duplicate = уже используется в другой записи.
problem-name-or-pseudonym = укажите фамилию или псевдоним.
problem-not-an-email = не является адресом эл. почты.
problem-not-a-phone = не является номером телефона (только цифры, пробелы и + - ( )).
problem-password-too-short = должен содержать не менее { $min } символов.
problem-passwords-differ = пароли не совпадают.
problem-password-guessable = входит в число распространённых паролей или так же легко угадывается: выберите фразу из нескольких не связанных слов.

## Roles
role-physician = Врач
role-nurse = Медсестра
role-manager = Руководитель кабинета
role-researcher = Исследователь
role-admin = Администратор

## Sex
sex-female = Женский
sex-male = Мужской
sex-other = Другой
sex-unknown = Неизвестно

## Indications
indication-chronic_migraine = Хроническая мигрень
indication-cervical_dystonia = Цервикальная дистония
indication-blepharospasm = Блефароспазм
indication-hemifacial_spasm = Гемифациальный спазм
indication-oromandibular_dystonia = Оромандибулярная дистония
indication-spasmodic_dysphonia = Спастическая дисфония
indication-focal_hand_dystonia = Фокальная дистония кисти
indication-upper_limb_spasticity = Спастичность верхней конечности
indication-lower_limb_spasticity = Спастичность нижней конечности
indication-facial_synkinesis = Лицевые синкинезии после паралича лицевого нерва
indication-bruxism = Бруксизм
indication-axillary_hyperhidrosis = Подмышечный гипергидроз
indication-sialorrhea = Сиалорея
indication-neuropathic_pain = Невропатическая боль
indication-tics = Тики

## Conditions
condition-myasthenia_gravis = Миастения
condition-lambert_eaton = Синдром Ламберта — Итона
condition-als = Боковой амиотрофический склероз
condition-motor_neuropathy = Моторная нейропатия
condition-neuromuscular_disease = Другое нервно-мышечное заболевание
condition-dysphagia = Нарушение глотания
condition-respiratory_compromise = Затруднение дыхания или сниженная функция лёгких
condition-cardiovascular_disease = Сердечно-сосудистое заболевание
condition-bleeding_disorder = Нарушение свёртываемости крови

## Allergies
allergy-botulinum_toxin = Ботулинический токсин
allergy-human_albumin = Альбумин человека
allergy-cow_milk_protein = Белок коровьего молока

## Medication classes
medication-class-aminoglycosides = аминогликозид
medication-class-neuromuscular_blockers = миорелаксант, блокирующий нервно-мышечную передачу
medication-class-anticholinergics = антихолинергическое средство
medication-class-skeletal_muscle_relaxants = миорелаксант
medication-class-magnesium_salts = магний
medication-class-anticoagulants = антикоагулянт

## Staff accounts
users-title = Учётные записи сотрудников
users-new-title = Новая учётная запись
users-username-hint = От 3 до 40 символов: строчные латинские буквы, цифры, точки, дефисы.
users-awaiting-first-login = ожидает первого входа
users-password-awaiting = Эта учётная запись сможет войти только после подтверждения врачом клиники (в разделе «Учётные записи на подтверждение»), чтобы один человек не мог и создать запись, и читать с ней данные пациентов.
users-awaiting-confirmation = ждёт подтверждения врача
users-reset-password = Сбросить пароль
users-password-title = Одноразовый пароль
users-password-explain = Передайте этот пароль владельцу лично. Он показан только сейчас; при первом входе нужно задать собственный.
users-one-time-password = Одноразовый пароль
users-back = К учётным записям

## Treatment sessions
patient-section-sessions = Процедуры
patient-no-sessions = Процедур пока нет.
session-title = Процедура
session-new-title = Новая процедура
session-same-as-last = Как в прошлый раз
session-from-template = Начать с шаблона
session-start-from-template = Начать
template-preempt = Хроническая мигрень: PREEMPT, 155 ЕД в 31 точку
template-preempt_follow_the_pain = Хроническая мигрень: PREEMPT с «follow-the-pain», 195 ЕД в 39 точек
template-cd_rotational_torticollis_left = Цервикальная дистония: ротационная кривошея (подбородок влево)
template-cd_laterocollis_left = Цервикальная дистония: латероколлис (наклон влево)
template-cd_retrocollis = Цервикальная дистония: ретроколлис
template-cd_anterocollis = Цервикальная дистония: антероколлис
template-blepharospasm = Блефароспазм
template-hemifacial_spasm_left = Гемифациальный спазм (слева)
template-uls_flexed_elbow = Спастичность верхней конечности: согнутый локоть
template-uls_flexed_wrist = Спастичность верхней конечности: согнутое запястье
template-uls_clenched_fist = Спастичность верхней конечности: сжатый кулак
template-lls_adducted_thigh = Спастичность нижней конечности: приведённые бёдра
template-lls_equinovarus_foot = Спастичность нижней конечности: эквиноварусная стопа
session-date = Дата
session-time = Время
session-product = Препарат
session-vial-units = Флакон (единиц)
session-diluent = Растворитель (мл)
session-muscle = Мышца
session-side = Сторона
session-units-per-side = Единицы (каждая сторона)
session-sites-per-side = Точки (каждая сторона)
session-guidance = Навигация
session-earlier-prefix = Ранее:
session-vials = Использованные флаконы
session-lot = Серия
session-expiry = Годен до
session-anaesthesia = Анестезия
session-duration = Длительность (минуты)
session-infection = Инфекция в месте инъекции
session-save-draft = Сохранить черновик
session-edit-draft = Изменить черновик
session-status-draft = черновик
session-status-signed = подписана
session-status-void = аннулирована
session-signed-by = Подписал(а)
session-verdict-at-signing = оценка при подписании
session-verdict = Оценка
session-override = Исключение
session-override-reason = Обоснование продолжения вопреки
session-override-words = Почему, своими словами
session-sign = Подписать процедуру
session-sign-override = Подписать с исключением по указанным причинам
session-amended = Исправлена
session-void-reason = Аннулирована, потому что
session-void-label = Аннулировать процедуру (внесена по ошибке): причина
session-void = Аннулировать процедуру
session-amend = Исправить процедуру
session-earlier-versions = Предыдущие версии
session-saved-at = Сохранено
session-save-template = Сохранить как шаблон кабинета
field-template_name = Название шаблона
session-amend-title = Исправление
session-amend-reason = Почему подписанная запись исправляется
session-save-amendment = Подписать исправленную версию
session-no-injections = Добавьте хотя бы одну мышцу с числом единиц.
side-left = слева
side-right = справа
side-both = с обеих сторон
side-midline = по средней линии
side-choose = выберите сторону
guidance-emg = ЭМГ
guidance-ultrasound = УЗИ
guidance-stimulation = электростимуляция
guidance-landmarks = анатомические ориентиры
anaesthesia-none = нет
anaesthesia-topical = аппликационная
anaesthesia-local = местная
anaesthesia-sedation = седация
anaesthesia-general = общая

## The safety verdict
verdict-ok = Проверка безопасности: замечаний нет
verdict-warn = Проверка безопасности: предупреждения
verdict-block = Проверка безопасности: заблокировано до решения врача
verdict-word-block = запрет
verdict-word-warn = предупреждения
verdict-word-ok = без замечаний
verdict-not-yet = Проверка безопасности: план пока нельзя проверить
verdict-of = препарата
verdict-sites = { $count ->
    [one] { $count } точка
    [few] { $count } точки
   *[many] { $count } точек
}
verdict-concentration = Концентрация
verdict-volume = общий объём
verdict-vials = флаконы
verdict-left-over = остаётся в последнем флаконе
verdict-days-since = Дней после предыдущей процедуры
verdict-window = За { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[many] { $days } дней
}
verdict-remaining = остаётся
verdict-total = Всего
verdict-no-findings = Замечаний нет.

## Follow-up, outcomes and adverse events
nav-worklist = Список задач
session-response = Ответ
response-responder = ответ на лечение
response-non-responder = нет ответа
response-not-assessed = не оценено
response-too-early = рано оценивать (правило оценивает более поздний цикл)
days-count = { $count ->
    [one] { $count } день
    [few] { $count } дня
   *[many] { $count } дней
}

outcomes-alarming-title = Серьёзные нежелательные явления и признаки отдалённого действия токсина
outcomes-follow-up-title = Наблюдение
outcomes-no-follow-ups = Наблюдение ещё не запланировано: его планирует подписание процедуры.
outcomes-assessments-title = Оценки
outcomes-no-assessments = Оценок нет.
outcomes-goals-title = Цели (шкала достижения целей, GAS)
outcomes-no-goals = Цели не поставлены.
outcomes-adverse-title = Нежелательные явления
outcomes-no-adverse = Нежелательных явлений нет.
model-default = Ожидаемое действие процедуры от { $session } (обычное течение): начало около { $onset }, пик около { $peak }, прекращение к { $end } ({ $weeks } нед.). Источники: { $source }.
model-fitted = Ожидаемое действие процедуры от { $session } (течение у этого пациента, по { $cycles } сообщениям о длительности эффекта): начало около { $onset }, пик около { $peak }, прекращение к { $end } ({ $weeks } нед.). Источники обычного течения: { $source }.

non-response-title = Возможная вторичная нечувствительность
non-response-text = Ответ после процедуры от { $responded } ({ $units } ЕД препарата { $product }), затем отсутствие ответа после { $lost } при том же препарате и не меньшей дозе.
non-response-next = Обычные дальнейшие шаги:
episodic-again-text = Меньше 15 дней с головной болью в месяц три месяца подряд (подсчёты от { $dates }): правило для хронической мигрени предлагает рассмотреть прекращение лечения.
episodic-again-title = Рассмотрите прекращение: мигрень снова эпизодическая
non-response-step-check_dose_and_muscles = Проверьте дозу и выбор мышц; рассмотрите навигацию ЭМГ или УЗИ.
non-response-step-consider_antibody_test = Рассмотрите исследование нейтрализующих антител (результат не позволяет надёжно предсказать клиническую неудачу).
non-response-step-consider_other_product = Рассмотрите другой серотип (токсин типа B) или препарат без комплексообразующих белков.
non-response-step-avoid_boosters = Соблюдайте интервалы не менее 12 недель и избегайте дополнительных инъекций.

follow-up-kind = Наблюдение
follow-up-due = Срок
follow-up-window = С – последний день
follow-up-state = Состояние
follow-up-attempts = попытки
follow-up-booked = визит назначен на
follow-up-onset_check = Проверка начала действия (звонок)
follow-up-peak_assessment = Оценка на пике действия
follow-up-reinjection = Повторная инъекция
standing-overdue = просрочено
standing-due_this_week = на этой неделе
standing-upcoming = предстоит
closed-as-reached = выполнено: связались с пациентом
closed-as-assessed = выполнено: оценено
closed-as-reinjected = выполнено: повторная инъекция
closed-as-superseded = не выполнено до следующей процедуры
closed-as-session_void = отменено: процедура аннулирована
closed-as-rescheduled = перенесено
contact-result = Результат звонка
contact-reached = связались
contact-not_reached = не дозвонились
contact-visit_booked = визит назначен
contact-note = Примечание
contact-save = Записать

assessment-record = Записать оценку
assessment-open-form = Открыть форму
assessment-scale = Шкала
assessment-details = Подробности
assessment-item = Пункт
assessment-not-applicable = неприменимо
assessment-quality = Качество реакции (0–5)
assessment-save = Сохранить оценку
field-timepoint = Когда
field-score = Балл
field-level = Уровень
timepoint-baseline = исходно
timepoint-peak = на пике действия
timepoint-before_reinjection = перед повторной инъекцией
timepoint-other = другое
entry-void = Отметить как внесённое по ошибке
entry-void-reason = Причина (не менее 10 символов)

goals-t-score = T-балл
goals-latest = Последняя
goals-sessions = Цель процедур от
goals-session = Процедура, направленная на цель
goals-no-session = нет
goals-score = Оценка
goals-new = Поставить новую цель
goals-save = Сохранить цель
field-domain = Область
field-text = Цель
field-weight = Вес
field-baseline = Исходный уровень
field-set_on = Поставлена
goal-domain-symptom = симптом
goal-domain-function = функция
goal-domain-participation = участие
goal-level-minus2 = −2 намного хуже ожидаемого
goal-level-minus1 = −1 хуже ожидаемого
goal-level-0 = 0 ожидаемый результат
goal-level-plus1 = +1 лучше ожидаемого
goal-level-plus2 = +2 намного лучше ожидаемого

ae-title = Нежелательное явление
ae-record = Записать нежелательное явление
ae-after-session = после процедуры от
ae-duration-hint = Оставьте пустым, пока продолжается.
ae-save = Сохранить нежелательное явление
field-kind = Явление
field-onset_day = Началось на день
field-duration_days = Длилось
field-severity = Тяжесть
field-outcome = Исход
field-actions = Принятые меры
field-detail = Подробности
adverse-injection_site_pain = боль в месте инъекции
adverse-bruising = гематома
adverse-local_weakness = местная слабость
adverse-ptosis = птоз
adverse-dysphagia = затруднение глотания (дисфагия)
adverse-neck_weakness = слабость мышц шеи
adverse-dry_mouth = сухость во рту
adverse-flu_like_symptoms = гриппоподобные симптомы
adverse-headache = головная боль
adverse-blurred_vision = нечёткость зрения
adverse-breathing_difficulty = затруднение дыхания
adverse-distant_spread = отдалённое действие токсина
adverse-allergic_reaction = аллергическая реакция
adverse-other = другое
severity-mild = лёгкое
severity-moderate = умеренное
severity-severe = тяжёлое
severity-serious = серьёзное
ae-outcome-resolved = разрешилось
ae-outcome-resolving = разрешается
ae-outcome-ongoing = продолжается
ae-outcome-resolved_with_sequelae = разрешилось с последствиями
ae-outcome-unknown = неизвестно
ae-action-none = нет
ae-action-observation = наблюдение
ae-action-treatment_given = проведено лечение
ae-action-hospital_admission = госпитализация
ae-action-dose_changed_next_time = доза изменена на следующей процедуре
ae-action-reported_to_authority = сообщено в регуляторный орган

worklist-title = Список задач
worklist-view = Показать
worklist-view-all = все открытые
worklist-view-due_this_week = на этой неделе
worklist-view-overdue = просроченные
worklist-view-upcoming = предстоящие
worklist-view-never_followed_up = без наблюдения
worklist-any = любой
worklist-physician = Врач
worklist-show = Показать
worklist-week = Эта неделя заканчивается
worklist-empty = Задач нет.
worklist-record-assessment = Записать оценку
worklist-lines = { $count ->
    [one] { $count } строка
    [few] { $count } строки
   *[many] { $count } строк
}
worklist-session = Процедура
worklist-alarming = есть серьёзное нежелательное явление
worklist-never-title = Процедуры без наблюдения

## Pictures
timeline-title = Хронология
timeline-alt = Дозы по мышцам, ожидаемое действие, нежелательные явления и оценки по шкалам во времени
timeline-doses = Дозы по мышцам (единицы введённого препарата; метки сравнимы в пределах одного препарата)
timeline-effect = Ожидаемое действие (доля наибольшего действия), нежелательные явления в день начала
timeline-today = сегодня
direction-lower-better = меньше — лучше
direction-higher-better = больше — лучше
body-map-title = Схема тела с мышцами, в которые вводился препарат
body-map-front = Спереди
body-map-back = Сзади
body-map-units-of = Единицы препарата { $product } на сторону

## Audit trail
nav-audit = Журнал аудита
audit-title = Журнал аудита
audit-explain = Каждое чтение и каждое изменение записи пациента, каждый вход и каждое изменение учётной записи, сначала новые. Записи обозначены своим номером в bont.
audit-action = Действие
audit-patient = Номер пациента
audit-from = С
audit-to = По
audit-when = Когда (UTC)
audit-record = Запись
audit-detail = Подробности
audit-detail-withheld = (данные пациента, видны клиницистам)
audit-client = С адреса
audit-none = Подходящих событий нет.
audit-older = Более ранние события
audit-bad-date = { $field }: «{ $value }» — не дата; введите её как ГГГГ-ММ-ДД.
audit-bad-patient = Номер пациента: «{ $value }» — не число.
audit-verify = Проверить цепочку журнала
audit-intact = Журнал не нарушен: { $count ->
    [one] { $count } событие
    [few] { $count } события
   *[many] { $count } событий
}, каждое связано с предыдущим.
audit-broken = Журнал был изменён: { $count ->
    [one] найдена { $count } проблема
    [few] найдены { $count } проблемы
   *[many] найдено { $count } проблем
}.
audit-break-edited = Событие { $id } изменено после записи.
audit-break-unlinked = Событие перед событием { $id } удалено, или было вставлено другое.
audit-break-forged = Контрольная точка события { $id } не запечатана ключом аудита.
audit-break-truncated = Контрольная точка указывает на событие { $id }, а его нет или оно другое: события удалены с конца или журнал переписан.
audit-break-no-key = Событие { $id } запечатано ключом аудита, которого у этого сервера нет.
audit-break-unsealed = У события { $id } простой хеш там, где должна быть печать ключа аудита: журнал переписан без ключа.
audit-head = Последнее звено (голова цепочки):
audit-head-explain = Запишите голову цепочки вне bont (например, в журнале резервных копий): `bont audit verify --expect-head` позже докажет, что ни одно событие до неё не удалено.
audit-back = К журналу аудита

## API tokens
nav-tokens = Токены API
tokens-title = Токены API
tokens-explain = Токен позволяет другой системе (больничной карте, выгрузке для исследований) пользоваться API bont от вашего имени и с вашей ролью; токен для чтения может только читать. Любой, у кого он есть, действует от вашего имени: храните его в хранилище секретов той системы и отзовите, когда он больше не нужен.
tokens-secret-explain = Новый токен показан только сейчас. Скопируйте его в систему, которая будет им пользоваться; bont хранит только его отпечаток.
tokens-create = Создать токен
tokens-none = Токенов пока нет.
tokens-created = Создан (UTC)
tokens-last-used = Последнее использование (UTC)
tokens-revoke = Отозвать
tokens-revoked = отозван
token-scope-read = только чтение
token-scope-write = чтение и запись
field-scope = Права
field-name = Название

## Pseudonymised clinics
identifier-title = Эта запись может идентифицировать пациента
identifier-explain = Кабинет работает с псевдонимизированными данными: пациенты известны по коду. Удалите перечисленное ниже или храните это в реестре личных данных.
identifier-found = { $field }: { $kind } «{ $found }»
identifier-kind-name = имя
identifier-kind-email = адрес эл. почты
identifier-kind-phone = номер телефона
identifier-kind-birth_date = похоже на дату рождения
identifier-kind-address = похоже на адрес
identifier-kind-name_label = метка с именем
nav-clinic = Настройки кабинета
clinic-title = Настройки кабинета
clinic-pseudonymised = Кабинет работает с псевдонимизированными данными
clinic-pseudonymised-hint = Пациенты известны по коду (псевдониму), а их личные данные хранятся отдельно или не хранятся вовсе. Страницы пациента и процедуры тогда указывают на имена, контакты и на то, что в примечаниях похоже на адрес эл. почты, номер телефона, дату рождения, адрес или метку с именем.
clinic-save = Сохранить настройки

## After-care sheet
session-after-care = Памятка для пациента после процедуры
aftercare-back = К процедуре
aftercare-title = После инъекции ботулинического токсина
aftercare-injected = Что было введено
aftercare-expect-title = Чего ожидать
aftercare-expect = Действие обычно начинается через { $onset } после инъекции (около { $onset_date }), сильнее всего около { $peak_date } и проходит примерно за { $weeks }. Оно нарастает постепенно: не ждите изменений в первый же день.
aftercare-warning-title = Немедленно обратитесь за медицинской помощью, если появились
aftercare-warning-intro = Токсин в редких случаях действует за пределами мышц, в которые его ввели. Сразу звоните врачу или в скорую помощь при:
aftercare-warning-swallowing = затруднении глотания или попёрхивании едой либо питьём;
aftercare-warning-breathing = затруднении дыхания или одышке;
aftercare-warning-speaking = затруднении речи или изменении голоса;
aftercare-warning-weakness = слабости, распространяющейся за пределы леченых мышц, или общей слабости;
aftercare-warning-vision = двоении в глазах или опущении век, которых раньше не было.
aftercare-warning-when = Эти признаки могут появиться через несколько часов или недель после инъекции.
aftercare-eye-title = Ваши глаза
aftercare-eye = Инъекции возле глаза могут на время ослабить моргание. Сразу сообщите нам, если глаз станет болезненным, красным, сухим или чувствительным к свету или если изменится зрение.
aftercare-next-title = Следующие визиты
aftercare-other-toxin = Перед следующей инъекцией сообщите нам о любом другом ботулиническом токсине, полученном за последние 4 месяца, по любому поводу.
aftercare-contact = Вопросы или беспокойство: звоните в кабинет,
document-sources = Сведения о препарате на этом листке взяты из официальных инструкций по применению; в клинике вам покажут точные источники.

weeks-count = { $count ->
    [one] { $count } неделя
    [few] { $count } недели
   *[many] { $count } недель
}

## Session record and letter
document-back = Назад
session-record-title = Протокол процедуры
session-record-link = Протокол процедуры (печать)
patient-letter-link = Письмо направившему врачу
patient-duplicate-link = Открыть карту №
patient-duplicate-explain = У другой карты этой клиники та же дата рождения и фамилия, которая читается так же (возможно, в другой письменности). Проверьте перед лечением; если это тот же человек, оставьте одну карту.
patient-duplicate-title = Возможно, тот же человек
letter-title = Лечение ботулиническим токсином: письмо направившему врачу
letter-salutation = Уважаемый коллега!
letter-opening = Ваш пациент { $name }, дата рождения { $birth } (номер нашей карты { $number }), получает в нашем кабинете лечение ботулиническим токсином по поводу: { $indications }. Проведённое лечение:
letter-sessions = Процедуры
letter-dose = Доза
letter-plan = План
letter-closing = С уважением,

## Patient information leaflet
leaflet-link = Памятка для пациента
leaflet-title = Лечение ботулиническим токсином: { $indication }
leaflet-intro = Ботулинический токсин вводят в выбранные мышцы (или железы), чтобы на время ослабить их. Доза и места инъекций подбираются индивидуально и записываются на каждой процедуре.
leaflet-time-title = Когда действует и как долго
leaflet-time = Действие обычно начинается через { $onset } после инъекции, сильнее всего примерно через { $peak } и длится около { $weeks }.
leaflet-often-title = Как часто
leaflet-often = Инъекции обычно проводят не чаще одного раза в { $weeks }.
leaflet-not-title = Кому лечение противопоказано
leaflet-not-allergy = при аллергии на ботулинический токсин или другой компонент препарата;
leaflet-not-infection = при инфекции в местах предполагаемых инъекций.
leaflet-tell-title = Заранее сообщите врачу
leaflet-tell-neuromuscular = есть ли у вас заболевание нервов и мышц (например, миастения, синдром Ламберта — Итона, моторная нейропатия или БАС);
leaflet-tell-swallowing = есть ли у вас затруднение глотания или дыхания;
leaflet-tell-medicines = какие лекарства вы принимаете, особенно антибиотики-аминогликозиды, миорелаксанты и антихолинергические средства;

## Parts of scales
scale-part-severity = тяжесть
scale-part-disability = нарушение жизнедеятельности
scale-part-pain = боль
scale-part-frequency = частота

## Titles of the safety findings (the detail follows as the check wrote it)
finding-above_labelled_dose = Выше дозы по инструкции
finding-age_outside_label = Возраст вне показаний инструкции
finding-below_labelled_range = Ниже диапазона по инструкции
finding-bilateral_sternocleidomastoid = Инъекции в обе грудино-ключично-сосцевидные мышцы
finding-cardiovascular_disease = Сердечно-сосудистое заболевание
finding-contraindicated = Противопоказано
finding-cumulative_max_exceeded = Превышена суммарная доза
finding-dilution_unusual = Необычное разведение
finding-dysphagia_or_breathing_difficulty = Нарушение глотания или дыхания
finding-earlier_adverse_event = Прежнее нежелательное явление
finding-interacting_medication = Взаимодействующий препарат
finding-interval_too_short = Слишком короткий интервал
finding-muscle_dose_below_range = Доза на мышцу ниже диапазона
finding-muscle_dose_out_of_range = Доза на мышцу выше диапазона
finding-muscle_max_exceeded = Превышена максимальная доза на мышцу
finding-muscle_unusual_for_indication = Необычная мышца для этого показания
finding-neuromuscular_disorder = Нервно-мышечное заболевание
finding-off_label = Вне зарегистрированных показаний
finding-other_product_in_window = Недавно другой токсин
finding-pediatric_absolute_exceeded = Превышена абсолютная максимальная доза у детей
finding-pediatric_per_kg_exceeded = Превышена доза на килограмм у детей
finding-periocular_injection = Инъекция возле глаза
finding-pregnancy_or_breastfeeding = Беременность или грудное вскармливание
finding-product_outside_neurology = Препарат не для неврологического применения
finding-session_max_exceeded = Превышена максимальная доза на процедуру
finding-side_unusual = Укажите сторону
finding-site_max_exceeded = Доза на точку выше максимальной
finding-structure_to_avoid = Структура, которой следует избегать
finding-volume_per_site_exceeded = Слишком большой объём на точку
finding-weight_below_label = Масса тела ниже минимальной по инструкции
finding-weight_missing = Не указана масса тела

## Clinic after-care advice
clinic-advice-title = Рекомендации кабинета после процедуры
clinic-advice-hint = Чего пациентам следует избегать после инъекции, своими словами кабинета. Памятка печатает это в разделе «Чего избегать» на языке пациента; для языка без текста раздел не печатается.
clinic-advice = Рекомендации: { $language }
field-advice_en = Рекомендации на английском
field-advice_pl = Рекомендации на польском
field-advice_ru = Рекомендации на русском
field-advice_ar = Рекомендации на арабском
aftercare-avoid-title = Чего избегать
aftercare-avoid-from = Рекомендации: { $clinic }.

## Текст замечаний проверки безопасности
dose = { $units } ЕД препарата { $product }
date-long = { $day } { $month ->
    [1] января
    [2] февраля
    [3] марта
    [4] апреля
    [5] мая
    [6] июня
    [7] июля
    [8] августа
    [9] сентября
    [10] октября
    [11] ноября
   *[12] декабря
} { $year } г.
scope-label = { $jurisdiction ->
    [protocol] протокол исследования
   *[other] инструкция ({ $jurisdiction })
}
scope-adults = взрослые
scope-children = дети
region-label = (инструкция: { $jurisdiction })
finding-detail-whose = { $whose ->
    [side] Сумма на стороне с большей дозой
   *[session] Сумма за процедуру
}
finding-detail-product-outside-neurology = { $product } не одобрен для применения в неврологии. { $note }
finding-detail-off-label = У препарата { $product } нет зарегистрированного показания «{ $indication }»; план всё равно проверяется по ограничениям препарата для всех показаний.
finding-detail-age-adults-only = Возраст пациента: { $age ->
    [one] { $age } год
    [few] { $age } года
   *[many] { $age } лет
}; инструкция препарата { $product } по показанию «{ $indication }» относится только к взрослым.
finding-detail-weight-missing = Возраст пациента: { $age ->
    [one] { $age } год
    [few] { $age } года
   *[many] { $age } лет
}; дозы у детей ограничены на килограмм массы тела, а масса тела не указана.
finding-detail-age-outside-range = Возраст пациента: { $age ->
    [one] { $age } год
    [few] { $age } года
   *[many] { $age } лет
}; эта инструкция охватывает возраст от { $from } до { $to } лет ({ $scope }).
finding-detail-weight-below-label = Масса тела пациента: { $kg } кг; инструкция не даёт дозировки при массе ниже { $min } кг ({ $scope }).
finding-detail-session-max = { finding-detail-whose }, { $amount }, выше максимальной дозы { $max } ({ $scope }).
finding-detail-range-exceeded = { finding-detail-whose }, { $amount }, выше диапазона по инструкции: от { $low } до { $high } ЕД ({ $scope }).
finding-detail-below-labelled-range = { finding-detail-whose }, { $amount }, ниже диапазона по инструкции: от { $low } до { $high } ЕД ({ $scope }).
finding-detail-above-labelled-dose = { finding-detail-whose }, { $amount }, выше дозы по инструкции: { $fixed } ({ $scope }).
finding-detail-pediatric-per-kg = { finding-detail-whose }, { $amount }, выше { $per_kg } ЕД/кг × { $kg } кг = { $cap } ({ $scope }).
finding-detail-pediatric-absolute = { finding-detail-whose }, { $amount }, выше абсолютной максимальной дозы { $cap } ({ $scope }).
finding-detail-weight-band = { finding-detail-whose }, { $amount }, выше дозы по инструкции { $cap } для ребёнка массой { $kg } кг (диапазон от { $from } кг; { $scope }).
finding-detail-cumulative-max = За { $window ->
    [one] { $window } день
    [few] { $window } дня
   *[many] { $window } дней
} ({ $from } — { $to }) вместе с этой процедурой: { $in_window }, это больше максимума { $cap }; остальные процедуры этих дней: { $others } ({ $scope }).
finding-detail-site-max = { $muscle }, { $side }: { $per_site } ЕД препарата { $product } на точку — больше { $max } ЕД, { $why ->
    [advisory] выше этой дозы инструкция не отмечает дополнительной пользы
   *[maximum] максимума на точку по инструкции
} ({ $scope }).
finding-detail-volume-per-site = { $muscle }, { $side }: { $ml } мл на точку — больше { $max_ml } мл ({ $scope }).
finding-detail-muscle-max = { $muscle }: { $given } с обеих сторон вместе — больше { $max } ({ $reason }; { $scope }).
finding-detail-muscle-dose-above = { $muscle }, { $side }: { $given } — выше диапазона по инструкции, от { $low } до { $high } ЕД{ $basis ->
    [per_kg] {" "}(от { $per_kg_low } до { $per_kg_high } ЕД/кг × { $kg } кг)
   *[units] {""}
}.
finding-detail-muscle-dose-below = { $muscle }, { $side }: { $given } — ниже диапазона по инструкции, от { $low } до { $high } ЕД{ $basis ->
    [per_kg] {" "}(от { $per_kg_low } до { $per_kg_high } ЕД/кг × { $kg } кг)
   *[units] {""}
}.
finding-detail-interval-too-short = Интервал после последней процедуры ({ $last }, { $last_date }): { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[many] { $days } дней
}; { finding-detail-interval-basis }{ finding-detail-interval-booster }.
finding-detail-above-labelled-range = { finding-detail-whose }, { $amount }, выше { $kind ->
    [initial] начальной дозы по инструкции, от { $low } до { $high } ЕД; дальнейшие дозы подбирают по ответу пациента
   *[recommended] рекомендованных инструкцией { $low }–{ $high } ЕД, для которых максимум не указан
} ({ $scope }).
finding-detail-interval-too-short-later = Интервал до более поздней процедуры ({ $last }, { $last_date }): { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[many] { $days } дней
}; { finding-detail-interval-basis }{ finding-detail-interval-booster }.
finding-detail-interval-booster = { $booster ->
    [yes] {" "}(меньше половины: повторное введение «вдогонку» повышает риск нейтрализующих антител)
   *[no] {""}
}
finding-detail-interval-basis = { $basis ->
    [label] минимальный интервал по инструкции — { $minimum ->
    [one] { $minimum } день
    [few] { $minimum } дня
   *[many] { $minimum } дней
}
    [caution] инструкция предостерегает от введения чаще, чем раз в { $minimum ->
    [one] { $minimum } день
    [few] { $minimum } дня
   *[many] { $minimum } дней
} (возможна толерантность)
   *[general] инструкция не указывает минимального интервала при показании «{ $indication }»; bont предупреждает при интервале меньше { $minimum ->
    [one] { $minimum } дня
   *[other] { $minimum } дней
} (общая настройка)
}
finding-detail-hypersensitivity = Известная гиперчувствительность к ботулиническому токсину: { $product } противопоказан{ $region }.
finding-detail-albumin-allergy = Аллергия на человеческий альбумин, вспомогательное вещество препарата { $product }: противопоказано{ $region }.
finding-detail-infection-at-site = Инфекция в планируемом месте инъекции: { $product } там противопоказан{ $region }.
finding-detail-cow-milk-allergy = Аллергия на белок коровьего молока: { $product } противопоказан{ $region }.
finding-detail-neuromuscular-contraindicated = Нервно-мышечное заболевание ({ $conditions }): { $product } применять нельзя{ $region }.
finding-detail-dysphagia-contraindicated = Имеющиеся нарушения глотания или дыхания: { $product } применять нельзя{ $region }.
finding-detail-neuromuscular-warning = { $conditions }: повышенный риск выраженной слабости, дисфагии и нарушений дыхания даже при обычных дозах; необходимо тщательное наблюдение{ $region }.
finding-detail-dysphagia-warning = Имеющиеся нарушения глотания или дыхания: токсин может их усилить; необходимо тщательное наблюдение{ $region }.
finding-detail-cardiovascular = Сердечно-сосудистое заболевание: предупреждение инструкции препарата { $product }{ $region }.
finding-detail-pregnant = Беременность: данных у людей недостаточно; взвесьте пользу и риск и запишите решение.
finding-detail-breastfeeding = Грудное вскармливание: ни одна инструкция не даёт правила; взвесьте пользу и риск и запишите решение.
finding-detail-periocular = Инъекции возле глаза ({ $muscles }): редкое моргание может открыть роговицу; избегайте мышцы, поднимающей верхнее веко, и медиальной части нижнего века.
finding-detail-other-product = Другой ботулинический токсин в пределах { $lookback ->
    [one] { $lookback } дня
   *[other] { $lookback } дней
} от этой процедуры: { $parts }. Единицы разных препаратов не взаимозаменяемы.
finding-detail-other-product-part = { $dose }, { $date } ({ $days ->
    [one] { $days } день
    [few] { $days } дня
   *[many] { $days } дней
} { $later ->
    [yes] после этой процедуры
   *[no] до этой процедуры
})
finding-detail-other-product-part-equivalent = { finding-detail-other-product-part }, примерно от { $low } до { $high } ЕД препарата { $product } (приблизительно, соотношение { $ratio }, { $sources }; никогда не используется, чтобы поднять предел)
finding-detail-interacting-medication = { $drugs } ({ $class }): { $effect }.
finding-detail-structure-to-avoid = { $muscle }: структура, которой следует избегать ({ $reason }).
finding-detail-side-unusual = { $muscle } — парная мышца: укажите слева, справа или с обеих сторон вместо средней линии.
finding-detail-muscle-unusual = { $muscle }: необычная цель при показании «{ $indication }».
finding-detail-bilateral-scm = Инъекции в обе грудино-ключично-сосцевидные мышцы: дисфагия чаще при двусторонних инъекциях; рассмотрите меньшие дозы.
finding-detail-adverse-event-repeated = После процедуры от { $date } препаратом { $product } в: { $muscles } возникло явление: { $event } ({ $severity }); этот план снова вводит тот же препарат в: { $repeated }.
finding-detail-adverse-event-earlier = { $event } ({ $severity }) после процедуры от { $date } ({ $product }; { $muscles }).
finding-detail-dilution-unusual = Флакон { $vial } ЕД в { $diluent_ml } мл даёт { $per_tenth } ЕД препарата { $product } на 0,1 мл; разведения по инструкции дают { $usual } ЕД на 0,1 мл.

## Units
unit-u = ЕД
unit-ml = мл

## Что не так с полем плана или формы
field-row = строка { $row }
problem-not-a-whole-number = «{ $value }» — не целое число.
problem-not-known = «{ $value }» — { $kind ->
    [condition] неизвестное заболевание
    [allergy] неизвестная аллергия
    [product] неизвестный препарат
    [indication] неизвестное показание
    [scale] неизвестная шкала
   *[part] неизвестная часть этой шкалы
}.
problem-not-one-of = «{ $value }» — не одно из значений: { $allowed }.
problem-unknown-muscle = «{ $value }» нет в каталоге мышц.
problem-unknown-muscle-candidates = «{ $value }» нет в каталоге мышц; возможно, имелось в виду: { $candidates }?
problem-outside = { $value } — вне диапазона от { $min } до { $max }{ $unit ->
    [kg] {" "}кг
    [ml] {" "}мл
    [minutes] {" "}мин
    [sites] {" "}точек
    [days] {" "}дн.
   *[none] {""}
}.
problem-implausible-units = { $value } — неправдоподобное число единиц.
problem-implausible-vial = { $value } — неправдоподобный размер флакона.
problem-more-sites-than-units = Точек: { $sites }, единиц: { $units } — точек больше, чем единиц.
problem-implausible-dose = { $units } ЕД { $product }{ $whole ->
    [session] {" "}за эту процедуру
   *[row] {""}
} — неправдоподобная доза: инструкции препарата дают не более { $largest } ЕД за процедуру, а план выше { $ceiling } ЕД считается ошибкой ввода. Исправьте число единиц; это нельзя подтвердить в обход.
problem-exponent-notation = «{ $value }» записано с показателем степени: напишите число полностью (1000, а не 1e3).
problem-session-in-future = { $value } — позже сегодняшнего дня; процедуру записывают после её проведения.
problem-date-in-past = { $value } — уже прошедший день.
problem-not-a-time = «{ $value }» — не время (ЧЧ:ММ).
problem-required-because = { $because ->
    [diluent_given] обязательно, если указан объём растворителя.
   *[powder] обязательно для флакона с порошком, который нужно растворить.
}
problem-no-injections = В плане нет инъекций.
problem-given-twice = Эта мышца и сторона указаны дважды.
problem-lot-expired = Срок годности серии { $lot } истёк { $expiry }, до процедуры.
problem-not-a-lot-of-session = «{ $value }» — не серия этой процедуры ({ $count ->
    [0] серии не записаны
   *[other] { $lots }
}).
problem-choose-lot = Выберите серию: { $lots }.
problem-reason-length = Укажите причину длиной от { $min } до { $max } символов.
problem-override-needed = «{ $finding }» блокирует подписание: укажите письменное обоснование, чтобы продолжить.
problem-override-reason-length = Обоснование для «{ $finding }» должно быть длиной от { $min } до { $max } символов.
problem-not-blocking = { $finding } не является блокирующим замечанием этой процедуры.
severity-word-info = Сведения
severity-word-warn = Предупреждение
severity-word-block = Запрет
verdict-signed-override = Проверка безопасности: подписано вопреки замечаниям; подписал(а) { $who }
override-kind-none = вид не записан
override-kind-other = Другая причина (укажите какая)
override-kind-study_protocol = Этого требует протокол исследования
override-kind-other_jurisdiction = Это допускает инструкция другой страны
override-kind-tolerated_before = Более высокая доза переносилась в прошлых циклах без вреда
override-kind-choose = выберите вид обоснования
override-kind = Вид обоснования
problem-not-for-male = Нельзя записать для пациента мужского пола.
problem-needed-to-sign = { $what ->
    [consent] Перед подписанием процедуры нужно записать согласие пациента на лечение (на странице пациента).
   *[vials] В подписанной процедуре указаны серия и срок годности каждого использованного флакона: добавьте их перед подписанием.
}
problem-override-reason-words = Обоснование подтверждения вопреки «{ $finding }» должно объяснить причину не менее чем в { $min } словах.
problem-override-kind-needed = Выберите вид обоснования для подтверждения вопреки «{ $finding }».
problem-item-count = требуется пунктов: { $needed } (каждый от { $min } до { $max } или «не применимо»); указано: { $given }.
problem-not-a-step = { $value } не соответствует шагу { $step } этой шкалы.
problem-scored-on-goals = Шкала достижения целей (GAS) заполняется по каждой цели пациента.
problem-at-least-one-item = Хотя бы один пункт должен быть применим.
problem-empty-while-ongoing = Оставьте пустым, пока явление продолжается.

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
field-indication = Показание
field-overrides = Обоснования
field-total_units = Всего единиц
field-history = Предыдущая процедура
field-injections = Инъекции
field-vials = Флакон
field-items = Пункты
field-rows = Группы мышц
field-quality = Качество мышечной реакции
field-r1 = Угол R1
field-r2 = Угол R2
field-result = Результат звонка
field-booked_on = Визит назначен на
field-note = Заметка
field-parts = Часть

## Почему состояние записи не позволяет изменение
state-draft-only = Редактировать можно только черновик; подписанную процедуру исправляют.
state-sign-draft-only = Подписать можно только черновик.
state-amend-signed-only = Исправить можно только подписанную процедуру.
state-session-void = Процедура уже аннулирована.
state-follow-up-closed = Это наблюдение уже закрыто.
state-event-void = Это нежелательное явление уже аннулировано.
state-ae-signed-only = Нежелательное явление записывается к подписанной процедуре: сначала подпишите процедуру.
state-after-care-signed-only = Памятку после процедуры печатают для подписанной процедуры.
