app-name = bont
yes = tak
no = nie

## Navigation
nav-label = Menu główne
nav-patients = Pacjenci
nav-users = Konta personelu
nav-accounts-awaiting = Konta do potwierdzenia
accounts-confirm = Potwierdź
accounts-awaiting-none = Żadne konto nie czeka na potwierdzenie.
accounts-awaiting-explain = Administrator założył te konta lub zresetował ich hasła. Dostęp do dokumentacji pacjentów otrzymają, gdy lekarz przychodni potwierdzi, że należą do wskazanych osób.
accounts-awaiting-title = Konta do potwierdzenia
nav-password = Zmień hasło
nav-logout = Wyloguj

## Errors
error-not-found = Nie znaleziono
error-forbidden = Twoja rola na to nie pozwala
error-form-expired = Ten formularz wygasł albo nie pochodzi z bont. Wróć, odśwież stronę i wyślij go ponownie.
error-unauthenticated = Zaloguj się
error-malformed = Nie udało się odczytać żądania
error-too-large = Żądanie jest za duże
error-media-type = Wyślij treść żądania jako JSON (Content-Type: application/json)
error-invalid = Niektóre dane wymagają poprawienia
error-conflict = Ktoś inny zmienił ten rekord, odkąd go otworzono
error-wrong-state = W obecnym stanie rekordu nie można tego zrobić
error-internal = Wystąpił błąd po naszej stronie; nic nie zapisano
error-busy = Serwer jest zajęty; spróbuj ponownie za chwilę. Nic nie zapisano.
error-storage-locked = Baza danych jest w tej chwili zajęta przez inny program; spróbuj ponownie za kilka sekund. Nic nie zapisano.
error-storage-full = Dysk serwera jest pełny. Nic nie zapisano; powiadom osobę, która prowadzi serwer. Praca może być kontynuowana po zwolnieniu miejsca.
error-storage-damaged = Plik bazy danych jest uszkodzony. Nic nie zapisano; powiadom osobę, która prowadzi serwer: bazę trzeba odtworzyć z ostatniej kopii zapasowej (bont restore).
error-go-home = Wróć do strony startowej

## Login and passwords
login-title = Logowanie
login-failed = Błędna nazwa użytkownika lub hasło.
login-locked = Zbyt wiele nieudanych prób dla tej nazwy użytkownika z tego komputera. Spróbuj ponownie za { $minutes } min lub poproś administratora o zresetowanie hasła.
login-expired = To hasło jednorazowe wygasło (było ważne { $hours } godz.). Poproś administratora o nowe.
login-awaiting-confirmation = To konto czeka na potwierdzenie przez lekarza przychodni. Poproś lekarza o potwierdzenie w „Konta do potwierdzenia”.
login-busy = Wiele osób loguje się jednocześnie. Spróbuj ponownie za chwilę.
login-slowed = Dla tej nazwy użytkownika było wiele nieudanych prób z innych miejsc, dlatego dopuszczamy jedną próbę na minutę. Spróbuj ponownie za { $seconds } s; jeśli to nie Ty, powiadom administratora.
login-address-limited = Zbyt wiele nieudanych prób z tego komputera. Spróbuj ponownie za { $minutes } min.
login-submit = Zaloguj
password-title = Zmiana hasła
password-must-change = Zalogowano hasłem jednorazowym. Aby kontynuować, ustaw własne hasło.
password-hint = Co najmniej 12 znaków. Kilka niepowiązanych słów to dobre hasło.
password-submit = Zmień hasło
password-current-wrong = Obecne hasło: jest nieprawidłowe.
password-same-as-before = Nowe hasło: wybierz hasło inne niż obecne.

## Start page
home-title = Start
home-patient-count = { $count ->
    [one] { $count } pacjent
    [few] { $count } pacjentów
   *[many] { $count } pacjentów
}
home-nothing-yet = Dla Twojej roli nic nie jest jeszcze dostępne.
home-today = Dzisiejsze zabiegi
home-today-none = Na dziś nie zapisano zabiegów.
home-drafts = Wersje robocze czekające na podpis lekarza
home-drafts-none = Żadna wersja robocza nie czeka.
home-dose = Dawka
home-shown-of = Pokazano { $shown } z { $total }.

## Patients
patients-title = Pacjenci
patients-search-label = Znajdź pacjenta
patients-search-hint = Nazwisko, numer kartoteki lub data urodzenia (RRRR-MM-DD)
patients-search-submit = Szukaj
patients-found = { $count ->
    [0] Nie znaleziono pacjentów
    [one] { $count } pacjent
    [few] { $count } pacjentów
   *[many] { $count } pacjentów
}
patients-name = Imię i nazwisko
patients-age = Wiek
age-years = { $years ->
    [one] { $years } rok
    [few] { $years } lata
   *[many] { $years } lat
}
pager-label = Strony
pager-previous = Poprzednia strona
pager-next = Następna strona
pager-position = Strona { $page } z { $pages }
patient-new-title = Nowy pacjent
patient-edit-title = Edytuj dane pacjenta
patient-section-identity = Tożsamość
patient-section-clinical = Istotne dla leczenia toksyną
patient-section-contact = Kontakt
patient-section-consent = Zgody
patient-weight-measured = zmierzona
patient-not-recorded = nie odnotowano
patient-none = brak
patient-version = Wersja
patient-conflict = Ktoś inny zmienił dane tego pacjenta, odkąd je otworzono. Twoje zmiany nie zostały zapisane: otwórz rekord ponownie, aby zobaczyć aktualną wersję.
patient-medications-hint = Jeden lek w wierszu. Leki wchodzące w interakcje (aminoglikozydy, leki zwiotczające, antycholinergiczne, magnez, przeciwzakrzepowe) są rozpoznawane po nazwie.

## Forms
form-has-errors = Popraw następujące pola:
form-choose = Wybierz…
form-save = Zapisz
form-cancel = Anuluj
form-leave-unsaved = Opuścić ten formularz? Wpisane tu dane nie zostały zapisane.

## Field labels
field-record_number = Numer kartoteki
field-family_name = Nazwisko
field-given_names = Imiona
field-pseudonym = Pseudonim
field-birth_date = Data urodzenia
field-sex = Płeć
field-weight_kg = Masa ciała (kg)
field-weight_measured_on = Data pomiaru masy ciała
field-preferred_language = Preferowany język
field-phone = Telefon
field-email = E-mail
field-address = Adres
field-consent_treatment = Zgoda na leczenie toksyną botulinową
field-consent_reminders = Zgoda na przypomnienia telefoniczne lub SMS
field-consent_research = Zgoda na wykorzystanie danych spseudonimizowanych w badaniach
field-indications = Wskazania
field-conditions = Choroby
field-allergies = Alergie
field-medications = Leki
field-pregnant = Ciąża
field-breastfeeding = Karmienie piersią
field-notes = Uwagi
field-username = Nazwa użytkownika
field-password = Hasło
field-password_repeat = Powtórz hasło
field-current_password = Obecne hasło
field-display_name = Nazwa widoczna dla współpracowników
field-role = Rola
field-language = Język

## What is wrong with a field
problem-required = jest wymagane.
problem-too-long = jest za długie (najwyżej { $max } znaków).
problem-too-many = ma za dużo pozycji (najwyżej { $max }).
problem-control-characters = zawiera znaki nowego wiersza lub znaki sterujące.
problem-not-a-date = „{ $value }” nie jest datą; wpisz ją jako RRRR-MM-DD.
problem-date-in-future = nie może być w przyszłości.
problem-date-too-early = nie może być wcześniejsza niż { $earliest }.
problem-before-birth = nie może być wcześniejsza niż data urodzenia.
problem-not-a-number = „{ $value }” nie jest liczbą.
problem-ambiguous-number = „{ $value }” można odczytać na dwa sposoby: wpisz liczbę bez separatora tysięcy (1500) albo z najwyżej dwoma miejscami po przecinku (1,5).
problem-out-of-range = musi mieścić się w przedziale od { $min } do { $max } { $unit }.
problem-unknown = „{ $value }” nie jest jedną z dopuszczalnych wartości.
problem-duplicate = jest już używane w innym rekordzie.
problem-name-or-pseudonym = wpisz nazwisko albo pseudonim.
problem-not-an-email = nie jest adresem e-mail.
problem-not-a-phone = nie jest numerem telefonu (tylko cyfry, spacje i + - ( )).
problem-password-too-short = musi mieć co najmniej { $min } znaków.
problem-passwords-differ = hasła się różnią.
problem-password-guessable = jest jednym z popularnych haseł lub równie łatwe do odgadnięcia: wybierz zdanie z kilku niezwiązanych słów.

## Roles
role-physician = Lekarz
role-nurse = Pielęgniarka
role-manager = Kierownik poradni
role-researcher = Badacz
role-admin = Administrator

## Sex
sex-female = Kobieta
sex-male = Mężczyzna
sex-other = Inna
sex-unknown = Nieznana

## Indications
indication-chronic_migraine = Migrena przewlekła
indication-cervical_dystonia = Dystonia szyjna
indication-blepharospasm = Kurcz powiek
indication-hemifacial_spasm = Kurcz połowiczy twarzy
indication-oromandibular_dystonia = Dystonia ustno-żuchwowa
indication-spasmodic_dysphonia = Dysfonia spastyczna
indication-focal_hand_dystonia = Ogniskowa dystonia ręki
indication-upper_limb_spasticity = Spastyczność kończyny górnej
indication-lower_limb_spasticity = Spastyczność kończyny dolnej
indication-facial_synkinesis = Synkinezy twarzy po porażeniu nerwu twarzowego
indication-bruxism = Bruksizm
indication-axillary_hyperhidrosis = Nadpotliwość pach
indication-sialorrhea = Ślinotok
indication-neuropathic_pain = Ból neuropatyczny
indication-tics = Tiki

## Conditions
condition-myasthenia_gravis = Miastenia
condition-lambert_eaton = Zespół Lamberta-Eatona
condition-als = Stwardnienie zanikowe boczne
condition-motor_neuropathy = Neuropatia ruchowa
condition-neuromuscular_disease = Inna choroba nerwowo-mięśniowa
condition-dysphagia = Zaburzenia połykania
condition-respiratory_compromise = Duszność lub ograniczona wydolność oddechowa
condition-cardiovascular_disease = Choroba sercowo-naczyniowa
condition-bleeding_disorder = Skaza krwotoczna

## Allergies
allergy-botulinum_toxin = Toksyna botulinowa
allergy-human_albumin = Albumina ludzka
allergy-cow_milk_protein = Białko mleka krowiego

## Medication classes
medication-class-aminoglycosides = aminoglikozyd
medication-class-neuromuscular_blockers = lek blokujący przewodnictwo nerwowo-mięśniowe
medication-class-anticholinergics = lek antycholinergiczny
medication-class-skeletal_muscle_relaxants = lek zwiotczający mięśnie
medication-class-magnesium_salts = magnez
medication-class-anticoagulants = lek przeciwzakrzepowy

## Staff accounts
users-title = Konta personelu
users-new-title = Nowe konto
users-username-hint = Od 3 do 40 znaków: małe litery, cyfry, kropki, łączniki.
users-awaiting-first-login = czeka na pierwsze logowanie
users-password-awaiting = To konto zaloguje się dopiero po potwierdzeniu przez lekarza przychodni (w „Konta do potwierdzenia”), tak aby nikt sam nie zakładał konta i nie czytał nim danych pacjentów.
users-awaiting-confirmation = czeka na potwierdzenie lekarza
users-reset-password = Zresetuj hasło
users-password-title = Hasło jednorazowe
users-password-explain = Przekaż to hasło właścicielowi osobiście. Jest widoczne tylko teraz; przy pierwszym logowaniu trzeba ustawić własne.
users-one-time-password = Hasło jednorazowe
users-back = Wróć do kont personelu

## Treatment sessions
patient-section-sessions = Zabiegi
patient-no-sessions = Nie odnotowano jeszcze zabiegów.
session-title = Zabieg
session-new-title = Nowy zabieg
session-same-as-last = Tak jak ostatnio
session-from-template = Zacznij od szablonu
session-start-from-template = Rozpocznij
template-preempt = Migrena przewlekła: PREEMPT, 155 U w 31 miejscach
template-preempt_follow_the_pain = Migrena przewlekła: PREEMPT z „follow-the-pain”, 195 U w 39 miejscach
template-cd_rotational_torticollis_left = Dystonia szyjna: kręcz karku rotacyjny (broda w lewo)
template-cd_laterocollis_left = Dystonia szyjna: laterocollis (pochylenie w lewo)
template-cd_retrocollis = Dystonia szyjna: retrocollis
template-cd_anterocollis = Dystonia szyjna: anterocollis
template-blepharospasm = Kurcz powiek
template-hemifacial_spasm_left = Kurcz połowiczy twarzy (lewostronny)
template-uls_flexed_elbow = Spastyczność kończyny górnej: zgięty łokieć
template-uls_flexed_wrist = Spastyczność kończyny górnej: zgięty nadgarstek
template-uls_clenched_fist = Spastyczność kończyny górnej: zaciśnięta pięść
template-lls_adducted_thigh = Spastyczność kończyny dolnej: przywiedzione uda
template-lls_equinovarus_foot = Spastyczność kończyny dolnej: stopa końsko-szpotawa
session-date = Data
session-time = Godzina
session-product = Preparat
session-vial-units = Wielkość fiolki (jednostki)
session-diluent = Rozpuszczalnik (mL)
session-muscle = Mięsień
session-side = Strona
session-units-per-side = Jednostki (każda strona)
session-sites-per-side = Miejsca (każda strona)
session-guidance = Kontrola
session-earlier-prefix = Wcześniej:
session-vials = Użyte fiolki
session-lot = Seria
session-expiry = Termin ważności
session-anaesthesia = Znieczulenie
session-duration = Czas trwania (minuty)
session-infection = Zakażenie w planowanym miejscu
session-save-draft = Zapisz wersję roboczą
session-edit-draft = Edytuj wersję roboczą
session-status-draft = wersja robocza
session-status-signed = podpisany
session-status-void = unieważniony
session-signed-by = Podpisał(a)
session-verdict-at-signing = ocena przy podpisie
session-verdict = Ocena
session-override = Odstępstwo
session-override-reason = Uzasadnienie kontynuacji mimo
session-override-words = Dlaczego, własnymi słowami
session-sign = Podpisz zabieg
session-sign-override = Podpisz z odstępstwem i podanym uzasadnieniem
session-amended = Poprawiony
session-void-reason = Unieważniony, ponieważ
session-void-label = Unieważnij ten zabieg (wpisany omyłkowo): powód
session-void = Unieważnij zabieg
session-amend = Popraw zabieg
session-earlier-versions = Wcześniejsze wersje
session-saved-at = Zapisano
session-save-template = Zapisz jako szablon poradni
field-template_name = Nazwa szablonu
session-amend-title = Poprawka
session-amend-reason = Dlaczego podpisany rekord jest poprawiany
session-save-amendment = Podpisz poprawioną wersję
session-no-injections = Dodaj co najmniej jeden mięsień z liczbą jednostek.
side-left = lewa
side-right = prawa
side-both = obie
side-midline = linia pośrodkowa
side-choose = wybierz stronę
guidance-emg = EMG
guidance-ultrasound = USG
guidance-stimulation = elektrostymulacja
guidance-landmarks = punkty anatomiczne
anaesthesia-none = brak
anaesthesia-topical = powierzchniowe
anaesthesia-local = miejscowe
anaesthesia-sedation = sedacja
anaesthesia-general = ogólne

## The safety verdict
verdict-ok = Kontrola bezpieczeństwa: bez zastrzeżeń
verdict-warn = Kontrola bezpieczeństwa: ostrzeżenia
verdict-block = Kontrola bezpieczeństwa: zablokowane do decyzji lekarza
verdict-word-block = blokada
verdict-word-warn = ostrzeżenia
verdict-word-ok = bez zastrzeżeń
verdict-not-yet = Kontrola bezpieczeństwa: planu nie można jeszcze sprawdzić
verdict-of = preparatu
verdict-sites = { $count ->
    [one] { $count } miejsce
    [few] { $count } miejsca
   *[many] { $count } miejsc
}
verdict-concentration = Stężenie
verdict-volume = objętość całkowita
verdict-vials = fiolki
verdict-left-over = zostaje w ostatniej fiolce
verdict-days-since = Dni od ostatniego zabiegu
verdict-window = W ciągu { $days } dni
verdict-remaining = pozostaje
verdict-total = Razem
verdict-no-findings = Brak uwag.

## Follow-up, outcomes and adverse events
nav-worklist = Lista zadań
session-response = Odpowiedź
response-responder = odpowiedź na leczenie
response-non-responder = brak odpowiedzi
response-not-assessed = nie oceniono
response-too-early = za wcześnie na ocenę (reguła ocenia późniejszy cykl)
days-count = { $count ->
    [one] { $count } dzień
    [few] { $count } dni
   *[many] { $count } dni
}

outcomes-alarming-title = Ciężkie zdarzenia niepożądane i objawy odległego działania toksyny
outcomes-follow-up-title = Kontrola
outcomes-no-follow-ups = Nie zaplanowano jeszcze kontroli: zaplanuje ją podpisanie zabiegu.
outcomes-assessments-title = Oceny
outcomes-no-assessments = Nie odnotowano ocen.
outcomes-goals-title = Cele (Goal Attainment Scaling)
outcomes-no-goals = Nie wyznaczono celów.
outcomes-adverse-title = Zdarzenia niepożądane
outcomes-no-adverse = Nie odnotowano zdarzeń niepożądanych.
model-default = Oczekiwane działanie zabiegu z { $session } (typowy przebieg): początek około { $onset }, szczyt około { $peak }, ustępuje do { $end } ({ $weeks } tyg.). Źródła: { $source }.
model-fitted = Oczekiwane działanie zabiegu z { $session } (przebieg u tego pacjenta, z { $cycles } relacji o czasie działania): początek około { $onset }, szczyt około { $peak }, ustępuje do { $end } ({ $weeks } tyg.). Źródła typowego przebiegu: { $source }.

non-response-title = Możliwy wtórny brak odpowiedzi
non-response-text = Odpowiedź po zabiegu z { $responded } ({ $units } U preparatu { $product }), potem brak odpowiedzi po { $lost }, przy tym samym preparacie i co najmniej tej samej dawce.
non-response-next = Zwykle dalsze kroki:
episodic-again-text = Mniej niż 15 dni z bólem głowy w miesiącu przez trzy miesiące z rzędu (liczby z { $dates }): reguła dla migreny przewlekłej każe rozważyć przerwanie leczenia.
episodic-again-title = Rozważ przerwanie: migrena znów jest epizodyczna
non-response-step-check_dose_and_muscles = Sprawdź dawkę i wybrane mięśnie; rozważ kontrolę EMG lub USG.
non-response-step-consider_antibody_test = Rozważ oznaczenie przeciwciał neutralizujących (wynik nie przewiduje wiarygodnie niepowodzenia klinicznego).
non-response-step-consider_other_product = Rozważ inny serotyp (toksyna typu B) lub preparat bez białek kompleksujących.
non-response-step-avoid_boosters = Zachowuj odstępy co najmniej 12 tygodni i unikaj wstrzyknięć uzupełniających.

follow-up-kind = Kontrola
follow-up-due = Termin
follow-up-window = Od – ostatni dzień
follow-up-state = Stan
follow-up-attempts = próby
follow-up-booked = wizyta umówiona na
follow-up-onset_check = Kontrola początku działania (telefon)
follow-up-peak_assessment = Ocena w szczycie działania
follow-up-reinjection = Ponowne wstrzyknięcie
standing-overdue = zaległe
standing-due_this_week = w tym tygodniu
standing-upcoming = nadchodzące
closed-as-reached = wykonano: skontaktowano się z pacjentem
closed-as-assessed = wykonano: oceniono
closed-as-reinjected = wykonano: ponowne wstrzyknięcie
closed-as-superseded = bez kontroli przed kolejnym zabiegiem
closed-as-session_void = odwołano: zabieg unieważniony
closed-as-rescheduled = przeniesiono
contact-result = Wynik rozmowy
contact-reached = skontaktowano się
contact-not_reached = brak kontaktu
contact-visit_booked = umówiono wizytę
contact-note = Uwaga
contact-save = Zapisz

assessment-record = Zapisz ocenę
assessment-open-form = Otwórz formularz
assessment-scale = Skala
assessment-details = Szczegóły
assessment-item = Pozycja
assessment-not-applicable = nie dotyczy
assessment-quality = Jakość reakcji (0–5)
assessment-save = Zapisz ocenę
field-timepoint = Kiedy
field-score = Wynik
field-level = Poziom
timepoint-baseline = wyjściowo
timepoint-peak = w szczycie działania
timepoint-before_reinjection = przed kolejnym wstrzyknięciem
timepoint-other = inny
entry-void = Oznacz jako wpisane omyłkowo
entry-void-reason = Powód (co najmniej 10 znaków)

goals-t-score = Wynik T
goals-latest = Ostatnio
goals-sessions = Cel zabiegów z
goals-session = Zabieg ukierunkowany na cel
goals-no-session = brak
goals-score = Ocena
goals-new = Wyznacz nowy cel
goals-save = Zapisz cel
field-domain = Obszar
field-text = Cel
field-weight = Waga
field-baseline = Poziom wyjściowy
field-set_on = Wyznaczony dnia
goal-domain-symptom = objaw
goal-domain-function = funkcja
goal-domain-participation = uczestnictwo
goal-level-minus2 = −2 znacznie poniżej oczekiwań
goal-level-minus1 = −1 poniżej oczekiwań
goal-level-0 = 0 zgodnie z oczekiwaniami
goal-level-plus1 = +1 powyżej oczekiwań
goal-level-plus2 = +2 znacznie powyżej oczekiwań

ae-title = Zdarzenie niepożądane
ae-record = Zapisz zdarzenie niepożądane
ae-after-session = po zabiegu z
ae-duration-hint = Pozostaw puste, dopóki trwa.
ae-save = Zapisz zdarzenie niepożądane
field-kind = Zdarzenie
field-onset_day = Początek w dniu
field-duration_days = Trwało
field-severity = Nasilenie
field-outcome = Zejście
field-actions = Podjęte działania
field-detail = Szczegóły
adverse-injection_site_pain = ból w miejscu wstrzyknięcia
adverse-bruising = siniak
adverse-local_weakness = miejscowe osłabienie
adverse-ptosis = opadanie powieki
adverse-dysphagia = trudności w połykaniu (dysfagia)
adverse-neck_weakness = osłabienie mięśni szyi
adverse-dry_mouth = suchość w ustach
adverse-flu_like_symptoms = objawy grypopodobne
adverse-headache = ból głowy
adverse-blurred_vision = nieostre widzenie
adverse-breathing_difficulty = trudności w oddychaniu
adverse-distant_spread = odległe działanie toksyny
adverse-allergic_reaction = reakcja alergiczna
adverse-other = inne
severity-mild = łagodne
severity-moderate = umiarkowane
severity-severe = ciężkie
severity-serious = poważne
ae-outcome-resolved = ustąpiło
ae-outcome-resolving = ustępuje
ae-outcome-ongoing = trwa
ae-outcome-resolved_with_sequelae = ustąpiło z trwałymi następstwami
ae-outcome-unknown = nieznane
ae-action-none = brak
ae-action-observation = obserwacja
ae-action-treatment_given = zastosowano leczenie
ae-action-hospital_admission = przyjęcie do szpitala
ae-action-dose_changed_next_time = zmiana dawki przy kolejnym zabiegu
ae-action-reported_to_authority = zgłoszono do urzędu rejestracji leków

worklist-title = Lista zadań
worklist-view = Pokaż
worklist-view-all = wszystkie otwarte
worklist-view-due_this_week = w tym tygodniu
worklist-view-overdue = zaległe
worklist-view-upcoming = nadchodzące
worklist-view-never_followed_up = bez żadnej kontroli
worklist-any = dowolne
worklist-physician = Lekarz
worklist-show = Pokaż
worklist-week = Ten tydzień kończy się
worklist-empty = Brak zadań.
worklist-record-assessment = Zapisz ocenę
worklist-lines = { $count ->
    [one] { $count } pozycja
    [few] { $count } pozycje
   *[many] { $count } pozycji
}
worklist-session = Zabieg
worklist-alarming = odnotowano ciężkie zdarzenie niepożądane
worklist-never-title = Zabiegi bez żadnej kontroli

## Pictures
timeline-title = Oś czasu
timeline-alt = Dawki na mięsień, oczekiwane działanie, zdarzenia niepożądane i wyniki skal w czasie
timeline-doses = Dawki na mięsień (jednostki podanego preparatu; znaczniki porównywalne w obrębie jednego preparatu)
timeline-effect = Oczekiwane działanie (część największego działania), zdarzenia niepożądane w dniu ich początku
timeline-today = dziś
direction-lower-better = mniej znaczy lepiej
direction-higher-better = więcej znaczy lepiej
body-map-title = Mapa ciała z mięśniami, w które wstrzyknięto
body-map-front = Przód
body-map-back = Tył
body-map-units-of = Jednostki preparatu { $product } na stronę

## Audit trail
nav-audit = Dziennik zdarzeń
audit-title = Dziennik zdarzeń
audit-explain = Każdy odczyt i każda zmiana danych pacjenta, każde logowanie i każda zmiana konta, od najnowszych. Rekordy są oznaczone numerem w bont.
audit-action = Czynność
audit-patient = Numer pacjenta
audit-from = Od
audit-to = Do
audit-when = Kiedy (UTC)
audit-record = Rekord
audit-detail = Szczegóły
audit-detail-withheld = (dane pacjenta, widoczne dla personelu klinicznego)
audit-client = Z adresu
audit-none = Brak pasujących zdarzeń.
audit-older = Starsze zdarzenia
audit-bad-date = { $field }: „{ $value }” nie jest datą; wpisz ją jako RRRR-MM-DD.
audit-bad-patient = Numer pacjenta: „{ $value }” nie jest liczbą.
audit-verify = Sprawdź łańcuch dziennika
audit-intact = Dziennik jest nienaruszony: { $count ->
    [one] { $count } zdarzenie
    [few] { $count } zdarzenia
   *[many] { $count } zdarzeń
}, każde powiązane z poprzednim.
audit-broken = Dziennik został zmieniony: { $count ->
    [one] znaleziono jeden problem
    [few] znaleziono { $count } problemy
   *[many] znaleziono { $count } problemów
}.
audit-break-edited = Zdarzenie { $id } zmieniono po zapisaniu.
audit-break-unlinked = Zdarzenie przed zdarzeniem { $id } usunięto albo jakieś wstawiono.
audit-break-forged = Punkt kontrolny zdarzenia { $id } nie jest zapieczętowany kluczem audytu.
audit-break-truncated = Punkt kontrolny wskazuje zdarzenie { $id }, a go nie ma lub jest inne: usunięto zdarzenia z końca albo przepisano zapis.
audit-break-no-key = Zdarzenie { $id } jest zapieczętowane kluczem audytu, którego ten serwer nie otrzymał.
audit-break-unsealed = Zdarzenie { $id } ma zwykły skrót tam, gdzie powinna być pieczęć klucza audytu: zapis przepisano bez klucza.
audit-head = Najnowsze ogniwo (głowa łańcucha):
audit-head-explain = Zapisz głowę łańcucha poza bont (na przykład w dzienniku kopii zapasowych): `bont audit verify --expect-head` pozwoli później wykazać, że żadnego zdarzenia do tego miejsca nie usunięto.
audit-back = Wróć do dziennika zdarzeń

## API tokens
nav-tokens = Tokeny API
tokens-title = Tokeny API
tokens-explain = Token pozwala innemu systemowi (dokumentacji szpitalnej, eksportowi do badań) korzystać z API bont w Twoim imieniu, z Twoją rolą; token do odczytu może tylko czytać. Kto go posiada, działa w Twoim imieniu: przechowuj go w magazynie sekretów tamtego systemu i unieważnij, gdy nie jest już potrzebny.
tokens-secret-explain = Nowy token jest widoczny tylko teraz. Skopiuj go do systemu, który będzie go używał; bont przechowuje tylko jego odcisk.
tokens-create = Utwórz token
tokens-none = Brak tokenów.
tokens-created = Utworzony (UTC)
tokens-last-used = Ostatnio użyty (UTC)
tokens-revoke = Unieważnij
tokens-revoked = unieważniony
token-scope-read = tylko odczyt
token-scope-write = odczyt i zapis
field-scope = Zakres
field-name = Nazwa

## Pseudonymised clinics
identifier-title = Ten rekord może identyfikować pacjenta
identifier-explain = Poradnia pracuje na danych spseudonimizowanych: pacjenci są znani pod kodem. Usuń poniższe dane albo przechowuj je w rejestrze tożsamości.
identifier-found = { $field }: { $kind } „{ $found }”
identifier-kind-name = imię lub nazwisko
identifier-kind-email = adres e-mail
identifier-kind-phone = numer telefonu
identifier-kind-birth_date = coś, co wygląda na datę urodzenia
identifier-kind-address = coś, co wygląda na adres
identifier-kind-name_label = etykieta z nazwiskiem
nav-clinic = Ustawienia poradni
clinic-title = Ustawienia poradni
clinic-pseudonymised = Poradnia pracuje na danych spseudonimizowanych
clinic-pseudonymised-hint = Pacjenci są znani pod kodem (pseudonimem), a ich tożsamość jest przechowywana gdzie indziej albo wcale. Strony pacjenta i zabiegu wskazują wtedy imiona i nazwiska, dane kontaktowe oraz to, co w uwagach wygląda na adres e-mail, numer telefonu, datę urodzenia, adres lub etykietę z nazwiskiem.
clinic-save = Zapisz ustawienia

## After-care sheet
session-after-care = Zalecenia po zabiegu dla pacjenta
aftercare-back = Wróć do zabiegu
aftercare-title = Po wstrzyknięciu toksyny botulinowej
aftercare-injected = Co wstrzyknięto
aftercare-expect-title = Czego się spodziewać
aftercare-expect = Działanie zwykle zaczyna się { $onset } po wstrzyknięciu (około { $onset_date }), jest najsilniejsze około { $peak_date } i ustępuje w ciągu około { $weeks }. Narasta stopniowo: nie należy oczekiwać zmiany pierwszego dnia.
aftercare-warning-title = Natychmiast zwróć się o pomoc lekarską, jeśli wystąpią
aftercare-warning-intro = Toksyna może rzadko działać poza mięśniami, w które ją wstrzyknięto. Niezwłocznie zadzwoń do lekarza lub na numer alarmowy w razie:
aftercare-warning-swallowing = trudności w połykaniu lub krztuszenia się jedzeniem albo piciem;
aftercare-warning-breathing = trudności w oddychaniu lub duszności;
aftercare-warning-speaking = trudności w mówieniu lub zmiany głosu;
aftercare-warning-weakness = osłabienia szerzącego się poza leczone mięśnie lub osłabienia całego ciała;
aftercare-warning-vision = podwójnego widzenia lub opadania powiek, których wcześniej nie było.
aftercare-warning-when = Objawy te mogą pojawić się od kilku godzin do kilku tygodni po wstrzyknięciu.
aftercare-eye-title = Twoje oczy
aftercare-eye = Wstrzyknięcia w okolicy oka mogą na pewien czas osłabić mruganie. Powiedz nam od razu, jeśli oko stanie się bolesne, zaczerwienione, suche lub wrażliwe na światło albo jeśli zmieni się widzenie.
aftercare-next-title = Kolejne wizyty
aftercare-other-toxin = Przed kolejnym wstrzyknięciem powiedz nam o każdej innej toksynie botulinowej podanej w ciągu ostatnich 4 miesięcy, z jakiegokolwiek powodu.
aftercare-contact = Pytania lub niepokój: zadzwoń do poradni,
document-sources = Informacje o leku na tej kartce pochodzą z oficjalnych charakterystyk produktów; przychodnia może pokazać dokładne źródła.

weeks-count = { $count ->
    [one] { $count } tydzień
    [few] { $count } tygodnie
   *[many] { $count } tygodni
}

## Session record and letter
document-back = Wróć
session-record-title = Karta zabiegu
session-record-link = Karta zabiegu (wydruk)
patient-letter-link = List do lekarza kierującego
patient-duplicate-link = Otwórz kartę nr
patient-duplicate-explain = Inna karta w tej przychodni ma tę samą datę urodzenia i nazwisko brzmiące tak samo (może w innym alfabecie). Sprawdź przed leczeniem; jeśli to ta sama osoba, zostaw jedną kartę.
patient-duplicate-title = Być może ta sama osoba
letter-title = Leczenie toksyną botulinową: list do lekarza kierującego
letter-salutation = Szanowna Pani Doktor, Szanowny Panie Doktorze,
letter-opening = Pani/Pana pacjent { $name }, ur. { $birth } (nasz numer kartoteki { $number }), jest leczony w naszej poradni toksyną botulinową z powodu: { $indications }. Dotychczasowe leczenie:
letter-sessions = Zabiegi
letter-dose = Dawka
letter-plan = Plan
letter-closing = Z wyrazami szacunku

## Patient information leaflet
leaflet-link = Ulotka dla pacjenta
leaflet-title = Leczenie toksyną botulinową: { $indication }
leaflet-intro = Toksynę botulinową wstrzykuje się do wybranych mięśni (lub gruczołów), aby na pewien czas je osłabić. Dawkę i miejsca dobiera się indywidualnie i zapisuje przy każdym zabiegu.
leaflet-time-title = Kiedy działa i jak długo
leaflet-time = Działanie zwykle zaczyna się { $onset } po wstrzyknięciu, jest najsilniejsze po około { $peak } i trwa około { $weeks }.
leaflet-often-title = Jak często
leaflet-often = Wstrzyknięcia wykonuje się zwykle nie częściej niż co { $weeks }.
leaflet-not-title = Kto nie powinien być leczony
leaflet-not-allergy = osoby uczulone na toksynę botulinową lub inny składnik preparatu;
leaflet-not-infection = osoby z zakażeniem w miejscu planowanych wstrzyknięć.
leaflet-tell-title = Przed zabiegiem powiedz lekarzowi
leaflet-tell-neuromuscular = czy chorujesz na chorobę nerwów i mięśni (np. miastenię, zespół Lamberta-Eatona, neuropatię ruchową lub SLA);
leaflet-tell-swallowing = czy masz trudności w połykaniu lub oddychaniu;
leaflet-tell-medicines = jakie leki przyjmujesz, zwłaszcza antybiotyki aminoglikozydowe, leki zwiotczające mięśnie i leki antycholinergiczne;

## Parts of scales
scale-part-severity = nasilenie
scale-part-disability = niesprawność
scale-part-pain = ból
scale-part-frequency = częstość

## Titles of the safety findings (the detail follows as the check wrote it)
finding-above_labelled_dose = Powyżej dawki z charakterystyki produktu
finding-age_outside_label = Wiek poza zakresem rejestracji
finding-below_labelled_range = Poniżej zakresu z charakterystyki produktu
finding-bilateral_sternocleidomastoid = Wstrzyknięcie do obu mięśni mostkowo-obojczykowo-sutkowych
finding-cardiovascular_disease = Choroba sercowo-naczyniowa
finding-contraindicated = Przeciwwskazanie
finding-cumulative_max_exceeded = Przekroczona dawka skumulowana
finding-dilution_unusual = Nietypowe rozcieńczenie
finding-dysphagia_or_breathing_difficulty = Trudności w połykaniu lub oddychaniu
finding-earlier_adverse_event = Wcześniejsze zdarzenie niepożądane
finding-interacting_medication = Lek wchodzący w interakcję
finding-interval_too_short = Zbyt krótki odstęp
finding-muscle_dose_below_range = Dawka na mięsień poniżej zakresu
finding-muscle_dose_out_of_range = Dawka na mięsień powyżej zakresu
finding-muscle_max_exceeded = Przekroczona dawka maksymalna na mięsień
finding-muscle_unusual_for_indication = Mięsień nietypowy dla wskazania
finding-neuromuscular_disorder = Choroba nerwowo-mięśniowa
finding-off_label = Poza wskazaniami rejestracyjnymi
finding-other_product_in_window = Inna toksyna w ostatnim czasie
finding-pediatric_absolute_exceeded = Przekroczona bezwzględna dawka maksymalna u dzieci
finding-pediatric_per_kg_exceeded = Przekroczona dawka na kilogram u dzieci
finding-periocular_injection = Wstrzyknięcie w okolicy oka
finding-pregnancy_or_breastfeeding = Ciąża lub karmienie piersią
finding-product_outside_neurology = Preparat niezarejestrowany w neurologii
finding-session_max_exceeded = Przekroczona dawka maksymalna na zabieg
finding-side_unusual = Podaj stronę
finding-site_max_exceeded = Dawka na miejsce powyżej maksimum
finding-structure_to_avoid = Struktura, której należy unikać
finding-volume_per_site_exceeded = Zbyt duża objętość na miejsce
finding-weight_below_label = Masa ciała poniżej najniższej z charakterystyki
finding-weight_missing = Brak masy ciała

## Clinic after-care advice
clinic-advice-title = Zalecenia poradni po zabiegu
clinic-advice-hint = Czego pacjenci powinni unikać po wstrzyknięciu, własnymi słowami poradni. Karta zaleceń drukuje je w części „Czego unikać” w języku pacjenta; dla języka bez tekstu ta część się nie pojawia.
clinic-advice = Zalecenia: { $language }
field-advice_en = Zalecenia po angielsku
field-advice_pl = Zalecenia po polsku
field-advice_ru = Zalecenia po rosyjsku
field-advice_ar = Zalecenia po arabsku
aftercare-avoid-title = Czego unikać
aftercare-avoid-from = Zalecenia: { $clinic }.

## Treść ustaleń kontroli bezpieczeństwa
dose = { $units } U preparatu { $product }
date-long = { $day } { $month ->
    [1] stycznia
    [2] lutego
    [3] marca
    [4] kwietnia
    [5] maja
    [6] czerwca
    [7] lipca
    [8] sierpnia
    [9] września
    [10] października
    [11] listopada
   *[12] grudnia
} { $year }
scope-label = { $jurisdiction ->
    [protocol] protokół badania
   *[other] charakterystyka produktu ({ $jurisdiction })
}
scope-adults = dorośli
scope-children = dzieci
region-label = (charakterystyka produktu: { $jurisdiction })
finding-detail-whose = { $whose ->
    [side] Suma po stronie z większą dawką
   *[session] Suma na zabieg
}
finding-detail-product-outside-neurology = { $product } nie jest zarejestrowany do stosowania w neurologii. { $note }
finding-detail-off-label = { $product } nie ma rejestracji we wskazaniu: { $indication }; plan jest mimo to sprawdzany względem limitów preparatu dla wszystkich wskazań.
finding-detail-age-adults-only = Wiek pacjenta: { $age ->
    [one] { $age } rok
    [few] { $age } lata
   *[many] { $age } lat
}; charakterystyka preparatu { $product } we wskazaniu „{ $indication }” obejmuje tylko dorosłych.
finding-detail-weight-missing = Wiek pacjenta: { $age ->
    [one] { $age } rok
    [few] { $age } lata
   *[many] { $age } lat
}; dawki u dzieci są ograniczone na kilogram masy ciała, a masa ciała nie jest podana.
finding-detail-age-outside-range = Wiek pacjenta: { $age ->
    [one] { $age } rok
    [few] { $age } lata
   *[many] { $age } lat
}; ta charakterystyka obejmuje wiek od { $from } do { $to } lat ({ $scope }).
finding-detail-weight-below-label = Masa ciała pacjenta: { $kg } kg; charakterystyka nie podaje dawkowania poniżej { $min } kg ({ $scope }).
finding-detail-session-max = { finding-detail-whose }, { $amount }, przekracza dawkę maksymalną { $max } ({ $scope }).
finding-detail-range-exceeded = { finding-detail-whose }, { $amount }, przekracza zakres z charakterystyki: od { $low } do { $high } U ({ $scope }).
finding-detail-below-labelled-range = { finding-detail-whose }, { $amount }, jest poniżej zakresu z charakterystyki: od { $low } do { $high } U ({ $scope }).
finding-detail-above-labelled-dose = { finding-detail-whose }, { $amount }, przekracza dawkę z charakterystyki: { $fixed } ({ $scope }).
finding-detail-pediatric-per-kg = { finding-detail-whose }, { $amount }, przekracza { $per_kg } U/kg × { $kg } kg = { $cap } ({ $scope }).
finding-detail-pediatric-absolute = { finding-detail-whose }, { $amount }, przekracza bezwzględną dawkę maksymalną { $cap } ({ $scope }).
finding-detail-weight-band = { finding-detail-whose }, { $amount }, przekracza dawkę z charakterystyki { $cap } dla dziecka o masie { $kg } kg (przedział od { $from } kg; { $scope }).
finding-detail-cumulative-max = W ciągu { $window } dni ({ $from } – { $to }), z tym zabiegiem: { $in_window }, to więcej niż maksimum { $cap }; pozostałe zabiegi tych dni: { $others } ({ $scope }).
finding-detail-site-max = { $muscle }, strona { $side }: { $per_site } U preparatu { $product } na miejsce to więcej niż { $max } U, { $why ->
    [advisory] powyżej tej dawki charakterystyka nie wykazuje dodatkowej korzyści
   *[maximum] maksimum na miejsce według charakterystyki
} ({ $scope }).
finding-detail-volume-per-site = { $muscle }, strona { $side }: { $ml } ml na miejsce to więcej niż { $max_ml } ml ({ $scope }).
finding-detail-muscle-max = { $muscle }: { $given } łącznie po obu stronach to więcej niż { $max } ({ $reason }; { $scope }).
finding-detail-muscle-dose-above = { $muscle }, strona { $side }: { $given } powyżej zakresu z charakterystyki, od { $low } do { $high } U{ $basis ->
    [per_kg] {" "}(od { $per_kg_low } do { $per_kg_high } U/kg × { $kg } kg)
   *[units] {""}
}.
finding-detail-muscle-dose-below = { $muscle }, strona { $side }: { $given } poniżej zakresu z charakterystyki, od { $low } do { $high } U{ $basis ->
    [per_kg] {" "}(od { $per_kg_low } do { $per_kg_high } U/kg × { $kg } kg)
   *[units] {""}
}.
finding-detail-interval-too-short = Odstęp od ostatniego zabiegu ({ $last }, { $last_date }): { $days ->
    [one] { $days } dzień
   *[other] { $days } dni
}; { finding-detail-interval-basis }{ finding-detail-interval-booster }.
finding-detail-above-labelled-range = { finding-detail-whose }, { $amount }, przekracza { $kind ->
    [initial] dawkę początkową z charakterystyki, od { $low } do { $high } U; kolejne dawki dobiera się według odpowiedzi pacjenta
   *[recommended] zalecane w charakterystyce { $low } do { $high } U, bez podanego maksimum
} ({ $scope }).
finding-detail-interval-too-short-later = Odstęp do późniejszego zabiegu ({ $last }, { $last_date }): { $days ->
    [one] { $days } dzień
   *[other] { $days } dni
}; { finding-detail-interval-basis }{ finding-detail-interval-booster }.
finding-detail-interval-booster = { $booster ->
    [yes] {" "}(mniej niż połowa: dawka przypominająca zwiększa ryzyko przeciwciał neutralizujących)
   *[no] {""}
}
finding-detail-interval-basis = { $basis ->
    [label] minimalny odstęp według charakterystyki to { $minimum } dni
    [caution] charakterystyka przestrzega przed podawaniem częściej niż co { $minimum } dni (możliwa tolerancja)
   *[general] charakterystyka nie podaje minimalnego odstępu we wskazaniu „{ $indication }”; bont ostrzega poniżej { $minimum } dni (ustawienie ogólne)
}
finding-detail-hypersensitivity = Znana nadwrażliwość na toksynę botulinową: { $product } jest przeciwwskazany{ $region }.
finding-detail-albumin-allergy = Uczulenie na albuminę ludzką, substancję pomocniczą preparatu { $product }: przeciwwskazanie{ $region }.
finding-detail-infection-at-site = Zakażenie w planowanym miejscu wstrzyknięcia: { $product } jest tam przeciwwskazany{ $region }.
finding-detail-cow-milk-allergy = Uczulenie na białko mleka krowiego: { $product } jest przeciwwskazany{ $region }.
finding-detail-neuromuscular-contraindicated = Choroba nerwowo-mięśniowa ({ $conditions }): nie wolno stosować preparatu { $product }{ $region }.
finding-detail-dysphagia-contraindicated = Istniejące wcześniej trudności w połykaniu lub oddychaniu: nie wolno stosować preparatu { $product }{ $region }.
finding-detail-neuromuscular-warning = { $conditions }: większe ryzyko ciężkiego osłabienia, zaburzeń połykania i oddychania nawet po zwykłych dawkach; konieczna ścisła obserwacja{ $region }.
finding-detail-dysphagia-warning = Istniejące wcześniej trudności w połykaniu lub oddychaniu: toksyna może je nasilić; konieczna ścisła obserwacja{ $region }.
finding-detail-cardiovascular = Choroba sercowo-naczyniowa: ostrzeżenie z charakterystyki preparatu { $product }{ $region }.
finding-detail-pregnant = Ciąża: dane u ludzi są niewystarczające; rozważ korzyści i ryzyko i zapisz decyzję.
finding-detail-breastfeeding = Karmienie piersią: żadna charakterystyka nie podaje zasady; rozważ korzyści i ryzyko i zapisz decyzję.
finding-detail-periocular = Wstrzyknięcia w okolicy oka ({ $muscles }): rzadsze mruganie może odsłonić rogówkę; unikaj dźwigacza powieki górnej i przyśrodkowej części powieki dolnej.
finding-detail-other-product = Inna toksyna botulinowa w ciągu { $lookback } dni od tego zabiegu: { $parts }. Jednostki różnych preparatów nie są zamienne.
finding-detail-other-product-part = { $dose }, { $date } ({ $days ->
    [one] { $days } dzień
   *[other] { $days } dni
} { $later ->
    [yes] po tym zabiegu
   *[no] przed tym zabiegiem
})
finding-detail-other-product-part-equivalent = { finding-detail-other-product-part }, w przybliżeniu od { $low } do { $high } U preparatu { $product } (przybliżenie, przelicznik { $ratio }, { $sources }; nigdy nie służy do podniesienia limitu)
finding-detail-interacting-medication = { $drugs } ({ $class }): { $effect }.
finding-detail-structure-to-avoid = { $muscle }: struktura, której należy unikać ({ $reason }).
finding-detail-side-unusual = { $muscle }: mięsień parzysty; podaj stronę lewą, prawą lub obie zamiast linii pośrodkowej.
finding-detail-muscle-unusual = { $muscle }: nietypowy cel we wskazaniu „{ $indication }”.
finding-detail-bilateral-scm = Wstrzyknięcia do obu mięśni mostkowo-obojczykowo-sutkowych: zaburzenia połykania są częstsze przy wstrzyknięciach obustronnych; rozważ mniejsze dawki.
finding-detail-adverse-event-repeated = Po zabiegu z { $date } preparatem { $product } w: { $muscles } wystąpiło zdarzenie: { $event } ({ $severity }); ten plan ponownie podaje ten sam preparat w: { $repeated }.
finding-detail-adverse-event-earlier = { $event } ({ $severity }) po zabiegu z { $date } ({ $product }; { $muscles }).
finding-detail-dilution-unusual = Fiolka { $vial } U w { $diluent_ml } ml daje { $per_tenth } U preparatu { $product } na 0,1 ml; rozcieńczenia z charakterystyki dają { $usual } U na 0,1 ml.

## Units
unit-u = U
unit-ml = ml

## Co jest nie tak z polem planu lub formularza
field-row = wiersz { $row }
problem-not-a-whole-number = „{ $value }” nie jest liczbą całkowitą.
problem-not-known = „{ $value }” to { $kind ->
    [condition] nieznana choroba
    [allergy] nieznane uczulenie
    [product] nieznany preparat
    [indication] nieznane wskazanie
    [scale] nieznana skala
   *[part] nieznana część tej skali
}.
problem-not-one-of = „{ $value }” nie jest żadną z wartości: { $allowed }.
problem-unknown-muscle = „{ $value }” nie ma w katalogu mięśni.
problem-unknown-muscle-candidates = „{ $value }” nie ma w katalogu mięśni; czy chodzi o: { $candidates }?
problem-outside = { $value } jest poza zakresem od { $min } do { $max }{ $unit ->
    [kg] {" "}kg
    [ml] {" "}ml
    [minutes] {" "}min
    [sites] {" "}miejsc
    [days] {" "}dni
   *[none] {""}
}.
problem-implausible-units = { $value } nie jest wiarygodną liczbą jednostek.
problem-implausible-vial = { $value } nie jest wiarygodną wielkością fiolki.
problem-more-sites-than-units = { $sites } miejsc na { $units } jednostek: więcej miejsc niż jednostek.
problem-implausible-dose = { $units } j. { $product }{ $whole ->
    [session] {" "}w tym zabiegu
   *[row] {""}
} to niewiarygodna dawka: jej charakterystyki podają najwyżej { $largest } j. na zabieg, a plan powyżej { $ceiling } j. uznaje się za błąd we wpisie. Popraw liczbę jednostek; tego nie można zatwierdzić mimo ostrzeżenia.
problem-exponent-notation = „{ $value }” zapisano z wykładnikiem: wpisz liczbę w całości (1000, nie 1e3).
problem-session-in-future = { $value } jest po dzisiejszym dniu; zabieg zapisuje się po jego wykonaniu.
problem-date-in-past = { $value } to dzień, który już minął.
problem-not-a-time = „{ $value }” nie jest godziną (GG:MM).
problem-required-because = { $because ->
    [diluent_given] jest wymagane, gdy podano objętość rozpuszczalnika.
   *[powder] jest wymagane przy fiolce z proszkiem do rozpuszczenia.
}
problem-no-injections = Plan nie zawiera wstrzyknięć.
problem-given-twice = Ten mięsień i ta strona są podane dwukrotnie.
problem-lot-expired = Seria { $lot } straciła ważność { $expiry }, przed zabiegiem.
problem-not-a-lot-of-session = „{ $value }” nie jest serią z tego zabiegu ({ $count ->
    [0] nie zapisano żadnej
   *[other] { $lots }
}).
problem-choose-lot = Wybierz serię: { $lots }.
problem-reason-length = Podaj uzasadnienie o długości od { $min } do { $max } znaków.
problem-override-needed = „{ $finding }” blokuje podpisanie: podaj pisemne uzasadnienie, aby je pominąć.
problem-override-reason-length = Uzasadnienie pominięcia „{ $finding }” musi mieć od { $min } do { $max } znaków.
problem-not-blocking = { $finding } nie jest ustaleniem blokującym ten zabieg.
severity-word-info = Informacja
severity-word-warn = Ostrzeżenie
severity-word-block = Blokada
verdict-signed-override = Kontrola bezpieczeństwa: podpisano mimo ostrzeżeń; podpisał(a) { $who }
override-kind-none = rodzaj nie zapisany
override-kind-other = Inny powód (podaj jaki)
override-kind-study_protocol = Wymaga tego protokół badania
override-kind-other_jurisdiction = Dopuszcza to charakterystyka w innym kraju
override-kind-tolerated_before = Większa dawka była dobrze tolerowana w poprzednich cyklach
override-kind-choose = wybierz rodzaj uzasadnienia
override-kind = Rodzaj uzasadnienia
problem-not-for-male = Nie można tego zapisać u pacjenta płci męskiej.
problem-needed-to-sign = { $what ->
    [consent] Przed podpisaniem zabiegu trzeba zapisać zgodę pacjenta na leczenie (na stronie pacjenta).
   *[vials] Podpisany zabieg podaje serię i datę ważności każdej użytej fiolki: dodaj je przed podpisaniem.
}
problem-override-reason-words = Uzasadnienie zatwierdzenia mimo „{ $finding }” musi w co najmniej { $min } słowach powiedzieć dlaczego.
problem-override-kind-needed = Wybierz rodzaj uzasadnienia zatwierdzenia mimo „{ $finding }”.
problem-item-count = wymaga { $needed } pozycji (każda od { $min } do { $max } lub „nie dotyczy”); podano { $given }.
problem-not-a-step = { $value } nie jest krokiem { $step } na tej skali.
problem-scored-on-goals = Skalę osiągania celów (GAS) zapisuje się cel po celu, przy celach pacjenta.
problem-at-least-one-item = Co najmniej jedna pozycja musi dotyczyć.
problem-empty-while-ongoing = Pozostaw puste, dopóki zdarzenie trwa.

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
field-indication = Wskazanie
field-overrides = Uzasadnienia pominięcia
field-total_units = Razem jednostek
field-history = Wcześniejszy zabieg
field-injections = Wstrzyknięcia
field-vials = Fiolka
field-items = Pozycje
field-rows = Grupy mięśni
field-quality = Jakość reakcji mięśnia
field-r1 = Kąt R1
field-r2 = Kąt R2
field-result = Wynik rozmowy
field-booked_on = Wizyta umówiona na
field-note = Uwaga
field-parts = Część

## Dlaczego stan zapisu nie pozwala na zmianę
state-draft-only = Edytować można tylko szkic; podpisany zabieg się poprawia.
state-sign-draft-only = Podpisać można tylko szkic.
state-amend-signed-only = Poprawić można tylko podpisany zabieg.
state-session-void = Zabieg jest już unieważniony.
state-follow-up-closed = Ta kontrola jest już zamknięta.
state-event-void = To zdarzenie niepożądane jest już unieważnione.
state-ae-signed-only = Zdarzenie niepożądane zapisuje się przy podpisanym zabiegu: najpierw podpisz zabieg.
state-after-care-signed-only = Zalecenia po zabiegu drukuje się dla podpisanego zabiegu.
