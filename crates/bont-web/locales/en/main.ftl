app-name = bont
yes = yes
no = no

## Navigation
nav-label = Main
nav-patients = Patients
nav-users = Staff accounts
nav-accounts-awaiting = Accounts to confirm
accounts-confirm = Confirm
accounts-awaiting-none = No account waits for a confirmation.
accounts-awaiting-explain = An administrator opened these accounts, or reset their passwords. They read patients' records once a physician of the clinic confirms that they belong to the people named.
accounts-awaiting-title = Accounts to confirm
nav-password = Change password
nav-logout = Log out

## Errors
error-not-found = Not found
error-forbidden = Your role does not allow this
error-form-expired = This form has expired or did not come from bont. Go back, reload the page and send it again.
error-unauthenticated = Please log in
error-malformed = The request could not be read
error-too-large = The request is too large
error-media-type = Send the request body as JSON (Content-Type: application/json)
error-invalid = Some entries need correcting
error-conflict = Someone else changed this record since you opened it
error-wrong-state = This cannot be done in the record's present state
error-internal = Something went wrong on our side; nothing was saved
error-busy = The server is busy; try again in a moment. Nothing was saved.
error-storage-locked = The database is held by another program just now; try again in a few seconds. Nothing was saved.
error-storage-full = The server's disk is full. Nothing was saved; tell the person who runs the server. Work can go on once space is freed.
error-storage-damaged = The database file is damaged. Nothing was saved; tell the person who runs the server: it must be restored from the last backup (bont restore).
error-go-home = Back to the start page

## Login and passwords
login-title = Log in
login-failed = Wrong user name or password.
login-locked = Too many failed attempts for this user name from this computer. Try again in { $minutes } minutes, or ask an administrator to reset the password.
login-expired = This one-time password has expired (it was valid for { $hours } hours). Ask an administrator for a new one.
login-awaiting-confirmation = This account waits for a physician of the clinic to confirm it. Ask a physician to confirm it under “Accounts to confirm”.
login-busy = Many people are logging in at once. Try again in a moment.
login-slowed = This user name has had many failed attempts from elsewhere, so attempts are slowed to one a minute. Try again in { $seconds } seconds; if it was not you, tell an administrator.
login-address-limited = Too many failed attempts from this computer. Try again in { $minutes } minutes.
login-submit = Log in
password-title = Change your password
password-must-change = You logged in with a one-time password. Choose your own password to continue.
password-hint = At least 12 characters. A few unrelated words make a good password.
password-submit = Change password
password-current-wrong = Current password: it is not correct.
password-same-as-before = New password: choose a password different from the current one.

## Start page
home-title = Start
home-patient-count = { $count ->
    [one] { $count } patient
   *[other] { $count } patients
}
home-nothing-yet = Nothing is available to your role yet.
home-today = Today's sessions
home-today-none = No sessions are recorded for today.
home-drafts = Drafts awaiting a physician's signature
home-drafts-none = No drafts are waiting.
home-dose = Dose
home-shown-of = { $shown } of { $total } shown.

## Patients
patients-title = Patients
patients-search-label = Find a patient
patients-search-hint = Name, record number or birth date (YYYY-MM-DD)
patients-search-submit = Search
patients-found = { $count ->
    [0] No patients found
    [one] { $count } patient
   *[other] { $count } patients
}
patients-name = Name
patients-age = Age
age-years = { $years ->
    [one] { $years } year
   *[other] { $years } years
}
pager-label = Pages
pager-previous = Previous page
pager-next = Next page
pager-position = Page { $page } of { $pages }
patient-new-title = New patient
patient-edit-title = Edit patient
patient-section-identity = Identity
patient-section-clinical = Relevant to toxin therapy
patient-section-contact = Contact
patient-section-consent = Consent
patient-weight-measured = measured
patient-not-recorded = not recorded
patient-none = none recorded
patient-version = Version
patient-conflict = Someone else changed this patient's record since you opened it. Your changes were not saved: open the record again to see the current version.
patient-medications-hint = One medication per line. Interacting drugs (aminoglycosides, muscle relaxants, anticholinergics, magnesium, anticoagulants) are recognised by name.

## Forms
form-has-errors = Please correct the following:
form-choose = Choose…
form-save = Save
form-cancel = Cancel
form-leave-unsaved = Leave this form? What you typed here has not been saved.

## Field labels
field-record_number = Record number
field-family_name = Family name
field-given_names = Given names
field-pseudonym = Pseudonym
field-birth_date = Birth date
field-sex = Sex
field-weight_kg = Weight (kg)
field-weight_measured_on = Weight measured on
field-preferred_language = Preferred language
field-phone = Telephone
field-email = E-mail
field-address = Address
field-consent_treatment = Consents to botulinum toxin treatment
field-consent_reminders = Agrees to reminders by telephone or text message
field-consent_research = Agrees to pseudonymised research use
field-indications = Indications
field-conditions = Conditions
field-allergies = Allergies
field-medications = Medications
field-pregnant = Pregnant
field-breastfeeding = Breastfeeding
field-notes = Notes
field-username = User name
field-password = Password
field-password_repeat = Repeat the password
field-current_password = Current password
field-display_name = Name shown to colleagues
field-role = Role
field-language = Language

## What is wrong with a field
problem-required = is required.
problem-too-long = is too long (at most { $max } characters).
problem-too-many = has too many entries (at most { $max }).
problem-control-characters = contains line breaks or control characters.
problem-not-a-date = “{ $value }” is not a date; write it as YYYY-MM-DD.
problem-date-in-future = cannot be in the future.
problem-date-too-early = cannot be before { $earliest }.
problem-before-birth = cannot be before the birth date.
problem-not-a-number = “{ $value }” is not a number.
problem-ambiguous-number = “{ $value }” could be read two ways: write it without a thousands separator (1500), or with at most two decimals (1.5).
problem-out-of-range = must be between { $min } and { $max } { $unit }.
problem-unknown = “{ $value }” is not one of the accepted values.
problem-duplicate = is already used by another record.
problem-name-or-pseudonym = enter a family name or a pseudonym.
problem-not-an-email = is not an e-mail address.
problem-not-a-phone = is not a telephone number (digits, spaces and + - ( ) only).
problem-password-too-short = must be at least { $min } characters.
problem-passwords-differ = the two passwords differ.
problem-password-guessable = is among the common passwords or as easily guessed: choose a phrase of several unrelated words.

## Roles
role-physician = Physician
role-nurse = Nurse
role-manager = Clinic manager
role-researcher = Researcher
role-admin = Administrator

## Sex
sex-female = Female
sex-male = Male
sex-other = Other
sex-unknown = Unknown

## Indications
indication-chronic_migraine = Chronic migraine
indication-cervical_dystonia = Cervical dystonia
indication-blepharospasm = Blepharospasm
indication-hemifacial_spasm = Hemifacial spasm
indication-oromandibular_dystonia = Oromandibular dystonia
indication-spasmodic_dysphonia = Spasmodic dysphonia
indication-focal_hand_dystonia = Focal hand dystonia
indication-upper_limb_spasticity = Upper limb spasticity
indication-lower_limb_spasticity = Lower limb spasticity
indication-facial_synkinesis = Facial synkinesis after facial palsy
indication-bruxism = Bruxism
indication-axillary_hyperhidrosis = Axillary hyperhidrosis
indication-sialorrhea = Sialorrhoea
indication-neuropathic_pain = Neuropathic pain
indication-tics = Tics

## Conditions
condition-myasthenia_gravis = Myasthenia gravis
condition-lambert_eaton = Lambert-Eaton syndrome
condition-als = Amyotrophic lateral sclerosis
condition-motor_neuropathy = Motor neuropathy
condition-neuromuscular_disease = Other neuromuscular disease
condition-dysphagia = Swallowing difficulty
condition-respiratory_compromise = Breathing difficulty or reduced lung function
condition-cardiovascular_disease = Cardiovascular disease
condition-bleeding_disorder = Bleeding disorder

## Allergies
allergy-botulinum_toxin = Botulinum toxin
allergy-human_albumin = Human albumin
allergy-cow_milk_protein = Cow's milk protein

## Medication classes
medication-class-aminoglycosides = aminoglycoside
medication-class-neuromuscular_blockers = neuromuscular blocker
medication-class-anticholinergics = anticholinergic
medication-class-skeletal_muscle_relaxants = muscle relaxant
medication-class-magnesium_salts = magnesium
medication-class-anticoagulants = anticoagulant

## Staff accounts
users-title = Staff accounts
users-new-title = New account
users-username-hint = 3 to 40 characters: lower-case letters, digits, dots, hyphens.
users-awaiting-first-login = awaiting first login
users-password-awaiting = This account can log in only once a physician of the clinic has confirmed it (under “Accounts to confirm”), so that no one person both opens an account and reads patients with it.
users-awaiting-confirmation = waits for a physician's confirmation
users-reset-password = Reset password
users-password-title = One-time password
users-password-explain = Give this password to its owner in person. It is shown only now; at the first login they must choose their own.
users-one-time-password = One-time password
users-back = Back to staff accounts

## Treatment sessions
patient-section-sessions = Treatment sessions
patient-no-sessions = No sessions recorded yet.
session-title = Session
session-new-title = New session
session-same-as-last = Same as last session
session-from-template = Start from a template
session-start-from-template = Start
template-preempt = Chronic migraine: PREEMPT, 155 U in 31 sites
template-preempt_follow_the_pain = Chronic migraine: PREEMPT with follow-the-pain, 195 U in 39 sites
template-cd_rotational_torticollis_left = Cervical dystonia: rotational torticollis (chin to the left)
template-cd_laterocollis_left = Cervical dystonia: laterocollis (tilt to the left)
template-cd_retrocollis = Cervical dystonia: retrocollis
template-cd_anterocollis = Cervical dystonia: anterocollis
template-blepharospasm = Blepharospasm
template-hemifacial_spasm_left = Hemifacial spasm (left)
template-uls_flexed_elbow = Upper limb spasticity: flexed elbow
template-uls_flexed_wrist = Upper limb spasticity: flexed wrist
template-uls_clenched_fist = Upper limb spasticity: clenched fist
template-lls_adducted_thigh = Lower limb spasticity: adducted thighs
template-lls_equinovarus_foot = Lower limb spasticity: equinovarus foot
session-date = Date
session-time = Time
session-product = Product
session-vial-units = Vial size (units)
session-diluent = Diluent (mL)
session-muscle = Muscle
session-side = Side
session-units-per-side = Units (each side)
session-sites-per-side = Sites (each side)
session-guidance = Guidance
session-earlier-prefix = History:
session-vials = Vials used
session-lot = Lot
session-expiry = Expiry
session-anaesthesia = Anaesthesia
session-duration = Duration (minutes)
session-infection = Infection at a planned site
session-save-draft = Save draft
session-edit-draft = Edit the draft
session-status-draft = draft
session-status-signed = signed
session-status-void = void
session-signed-by = Signed by
session-verdict-at-signing = verdict at signing
session-verdict = Verdict
session-override = Override
session-override-reason = Reason to go ahead despite
session-override-words = Why, in your own words
session-sign = Sign the session
session-sign-override = Sign, overriding with the reasons given
session-amended = Amended
session-void-reason = Void because
session-void-label = Void this session (entered in error): reason
session-void = Void the session
session-amend = Amend the session
session-earlier-versions = Earlier versions
session-saved-at = Saved
session-save-template = Save as a clinic template
field-template_name = Template name
session-amend-title = Amendment
session-amend-reason = Why the signed record is amended
session-save-amendment = Sign the amended version
session-no-injections = Add at least one muscle with its units.
side-left = left
side-right = right
side-both = both
side-midline = midline
side-choose = choose the side
guidance-emg = EMG
guidance-ultrasound = ultrasound
guidance-stimulation = electrical stimulation
guidance-landmarks = anatomical landmarks
anaesthesia-none = none
anaesthesia-topical = topical
anaesthesia-local = local
anaesthesia-sedation = sedation
anaesthesia-general = general

## The safety verdict
verdict-ok = Safety check: no concerns
verdict-warn = Safety check: warnings
verdict-block = Safety check: blocked until a physician overrides
verdict-word-block = blocked
verdict-word-warn = warnings
verdict-word-ok = no concerns
verdict-not-yet = Safety check: the plan cannot be checked yet
verdict-of = of
verdict-sites = { $count ->
    [one] { $count } site
   *[other] { $count } sites
}
verdict-concentration = Concentration
verdict-volume = total volume
verdict-vials = vials
verdict-left-over = left in the last vial
verdict-days-since = Days since the last session
verdict-window = Within { $days } days
verdict-remaining = remaining
verdict-total = Total
verdict-no-findings = No findings.

## Follow-up, outcomes and adverse events
nav-worklist = Worklist
session-response = Response
response-responder = responder
response-non-responder = non-responder
response-not-assessed = not assessed
response-too-early = too early to judge (the rule judges a later cycle)
days-count = { $count ->
    [one] { $count } day
   *[other] { $count } days
}

outcomes-alarming-title = Serious adverse events and signs of distant spread
outcomes-follow-up-title = Follow-up
outcomes-no-follow-ups = No follow-up scheduled yet: signing a session schedules it.
outcomes-assessments-title = Assessments
outcomes-no-assessments = No assessments recorded.
outcomes-goals-title = Goals (Goal Attainment Scaling)
outcomes-no-goals = No goals set.
outcomes-adverse-title = Adverse events
outcomes-no-adverse = No adverse events recorded.
model-default = Expected effect of the session of { $session } (usual course): onset about { $onset }, peak about { $peak }, worn off by { $end } ({ $weeks } weeks). Sources: { $source }.
model-fitted = Expected effect of the session of { $session } (this patient's own course, from { $cycles } reports of how long the benefit lasted): onset about { $onset }, peak about { $peak }, worn off by { $end } ({ $weeks } weeks). Sources of the usual course: { $source }.

non-response-title = Possible secondary non-response
non-response-text = Response after the session of { $responded } ({ $units } U of { $product }), then none after { $lost }, at the same product and at least the same dose.
non-response-next = Usual next steps:
episodic-again-text = Fewer than 15 headache days a month for three months in a row (the counts of { $dates }): the rule for chronic migraine asks to consider stopping treatment.
episodic-again-title = Consider stopping: the migraine is episodic again
non-response-step-check_dose_and_muscles = Check the dose and the muscles chosen; consider EMG or ultrasound guidance.
non-response-step-consider_antibody_test = Consider testing for neutralising antibodies (a result does not reliably predict clinical failure).
non-response-step-consider_other_product = Consider another serotype (toxin type B) or a complex-free product.
non-response-step-avoid_boosters = Keep intervals at 12 weeks or longer and avoid booster injections.

follow-up-kind = Follow-up
follow-up-due = Due
follow-up-window = From – last day
follow-up-state = State
follow-up-attempts = attempts
follow-up-booked = visit booked for
follow-up-onset_check = Onset check (call)
follow-up-peak_assessment = Peak assessment
follow-up-reinjection = Re-injection
standing-overdue = overdue
standing-due_this_week = due this week
standing-upcoming = upcoming
closed-as-reached = done: patient reached
closed-as-assessed = done: assessed
closed-as-reinjected = done: re-injected
closed-as-superseded = not followed up before the next session
closed-as-session_void = cancelled: session void
closed-as-rescheduled = moved
contact-result = Result of the call
contact-reached = reached
contact-not_reached = not reached
contact-visit_booked = visit booked
contact-note = Note
contact-save = Record

assessment-record = Record an assessment
assessment-open-form = Open the form
assessment-scale = Scale
assessment-details = Details
assessment-item = Item
assessment-not-applicable = not applicable
assessment-quality = Quality of reaction (0–5)
assessment-save = Save the assessment
field-timepoint = When
field-score = Score
field-level = Level
timepoint-baseline = baseline
timepoint-peak = at peak
timepoint-before_reinjection = before re-injection
timepoint-other = other
entry-void = Mark as entered in error
entry-void-reason = Reason (at least 10 characters)

goals-t-score = T-score
goals-latest = Latest
goals-sessions = Targeted by sessions of
goals-session = Session targeting it
goals-no-session = none
goals-score = Score
goals-new = Set a new goal
goals-save = Save the goal
field-domain = Domain
field-text = Goal
field-weight = Weight
field-baseline = Level at the start
field-set_on = Set on
goal-domain-symptom = symptom
goal-domain-function = function
goal-domain-participation = participation
goal-level-minus2 = −2 much less than expected
goal-level-minus1 = −1 less than expected
goal-level-0 = 0 expected outcome
goal-level-plus1 = +1 more than expected
goal-level-plus2 = +2 much more than expected

ae-title = Adverse event
ae-record = Record an adverse event
ae-after-session = after the session of
ae-duration-hint = Leave empty while it goes on.
ae-save = Save the adverse event
field-kind = Event
field-onset_day = Began on day
field-duration_days = Lasted
field-severity = Severity
field-outcome = Outcome
field-actions = Action taken
field-detail = Details
adverse-injection_site_pain = injection-site pain
adverse-bruising = bruising
adverse-local_weakness = local weakness
adverse-ptosis = ptosis
adverse-dysphagia = difficulty swallowing (dysphagia)
adverse-neck_weakness = neck weakness
adverse-dry_mouth = dry mouth
adverse-flu_like_symptoms = flu-like symptoms
adverse-headache = headache
adverse-blurred_vision = blurred vision
adverse-breathing_difficulty = breathing difficulty
adverse-distant_spread = distant spread of toxin effect
adverse-allergic_reaction = allergic reaction
adverse-other = other
severity-mild = mild
severity-moderate = moderate
severity-severe = severe
severity-serious = serious
ae-outcome-resolved = resolved
ae-outcome-resolving = resolving
ae-outcome-ongoing = ongoing
ae-outcome-resolved_with_sequelae = resolved with lasting effects
ae-outcome-unknown = unknown
ae-action-none = none
ae-action-observation = observation
ae-action-treatment_given = treatment given
ae-action-hospital_admission = hospital admission
ae-action-dose_changed_next_time = dose changed at the next session
ae-action-reported_to_authority = reported to the medicines authority

worklist-title = Worklist
worklist-view = Show
worklist-view-all = all open
worklist-view-due_this_week = due this week
worklist-view-overdue = overdue
worklist-view-upcoming = upcoming
worklist-view-never_followed_up = never followed up
worklist-any = any
worklist-physician = Physician
worklist-show = Show
worklist-week = This week ends on
worklist-empty = Nothing to follow up.
worklist-record-assessment = Record the assessment
worklist-lines = { $count ->
    [one] { $count } line
   *[other] { $count } lines
}
worklist-session = Session
worklist-alarming = serious adverse event on record
worklist-never-title = Sessions never followed up

## Pictures
timeline-title = Timeline
timeline-alt = Doses per muscle, expected effect, adverse events and scores over time
timeline-doses = Doses per muscle (units of the product given; marks compare within one product)
timeline-effect = Expected effect (share of the greatest effect), adverse events where they began
timeline-today = today
direction-lower-better = lower is better
direction-higher-better = higher is better
body-map-title = Body map of the injected muscles
body-map-front = Front
body-map-back = Back
body-map-units-of = Units of { $product } per side

## Audit trail
nav-audit = Audit trail
audit-title = Audit trail
audit-explain = Every read and change of a patient's record, every login and every change of an account, newest first. Records are named by their number in bont.
audit-action = Action
audit-patient = Patient number
audit-from = From
audit-to = To
audit-when = When (UTC)
audit-record = Record
audit-detail = Detail
audit-detail-withheld = (patient data, shown to clinicians)
audit-client = From address
audit-none = No events match.
audit-older = Older events
audit-bad-date = { $field }: “{ $value }” is not a date; write it as YYYY-MM-DD.
audit-bad-patient = Patient number: “{ $value }” is not a number.
audit-verify = Check the audit chain
audit-intact = The audit trail is intact: { $count } events, each linked to the one before.
audit-broken = The audit trail has been tampered with: { $count ->
    [one] one problem
   *[other] { $count } problems
} found.
audit-break-edited = Event { $id } was changed after it was written.
audit-break-unlinked = The event before event { $id } was removed, or one was inserted.
audit-break-forged = A checkpoint of event { $id } is not sealed with the audit key.
audit-break-truncated = A checkpoint names event { $id }, and it is gone or different: events were removed from the end, or the trail rewritten.
audit-break-no-key = Event { $id } is sealed with the audit key, which this server was not given.
audit-break-unsealed = Event { $id } has a plain hash where the audit key's seal belongs: the trail was rewritten without the key.
audit-head = Newest link (head):
audit-head-explain = Note the head down outside bont (with the backup log, for instance): `bont audit verify --expect-head` proves later that no event up to it was removed.
audit-back = Back to the audit trail

## API tokens
nav-tokens = API tokens
tokens-title = API tokens
tokens-explain = A token lets another system (a hospital record, a research export) use bont's API as you, with your role; a read token may only read. Anyone holding it acts in your name: keep it in that system's secret store, and revoke it when it is no longer used.
tokens-secret-explain = The new token is shown only now. Copy it into the system that will use it; bont keeps only a fingerprint of it.
tokens-create = Make a token
tokens-none = No tokens yet.
tokens-created = Made (UTC)
tokens-last-used = Last used (UTC)
tokens-revoke = Revoke
tokens-revoked = revoked
token-scope-read = read only
token-scope-write = read and write
field-scope = Scope
field-name = Name

## Pseudonymised clinics
identifier-title = This record may identify the patient
identifier-explain = The clinic works pseudonymised: patients are known by their code. Please remove what is listed below, or keep it in the record that holds identities.
identifier-found = { $field }: { $kind } “{ $found }”
identifier-kind-name = a name
identifier-kind-email = an e-mail address
identifier-kind-phone = a telephone number
identifier-kind-birth_date = what looks like a date of birth
identifier-kind-address = what looks like an address
identifier-kind-name_label = a name label
nav-clinic = Clinic settings
clinic-title = Clinic settings
clinic-pseudonymised = The clinic works pseudonymised
clinic-pseudonymised-hint = Patients are known by a code (the pseudonym) and their identities are kept elsewhere or not at all. Patient and session pages then point out names, contact details and what looks like an e-mail address, telephone number, date of birth, address or name label in the notes.
clinic-save = Save settings

## After-care sheet
session-after-care = After-care sheet for the patient
aftercare-back = Back to the session
aftercare-title = After your botulinum toxin injection
aftercare-injected = What was injected
aftercare-expect-title = What to expect
aftercare-expect = The effect usually begins { $onset } after the injection (around { $onset_date }), is strongest around { $peak_date }, and wears off over about { $weeks }. It comes on gradually: do not expect a change on the first day.
aftercare-warning-title = Get medical help at once if you have
aftercare-warning-intro = The toxin can, rarely, act beyond the injected muscles. Call a doctor or emergency services straight away for:
aftercare-warning-swallowing = difficulty swallowing, or food or drink going down the wrong way;
aftercare-warning-breathing = difficulty breathing or shortness of breath;
aftercare-warning-speaking = difficulty speaking, or a changed voice;
aftercare-warning-weakness = weakness spreading beyond the treated muscles, or general weakness;
aftercare-warning-vision = double vision or drooping eyelids that were not there before.
aftercare-warning-when = These signs can appear hours to weeks after the injection.
aftercare-eye-title = Your eyes
aftercare-eye = Injections near the eye can reduce blinking for a while. Tell us straight away if your eye becomes painful, red, dry or sensitive to light, or if your vision changes.
aftercare-next-title = Your next appointments
aftercare-other-toxin = Before your next injection, tell us about any other botulinum toxin you have had in the last 4 months, for any reason.
aftercare-contact = Questions or worries: call your clinic,
document-sources = What this sheet says about the medicine comes from the products' official prescribing information; your clinic can show you the exact sources.

weeks-count = { $count ->
    [one] { $count } week
   *[other] { $count } weeks
}

## Session record and letter
document-back = Back
session-record-title = Session record
session-record-link = Session record (print)
patient-letter-link = Letter to the referring doctor
patient-duplicate-link = Open record no.
patient-duplicate-explain = Another record of this clinic has the same date of birth and a family name that reads the same (perhaps in another script). Check before treating; if it is the same person, keep one record.
patient-duplicate-title = Possibly the same person
letter-title = Botulinum toxin treatment: letter to the referring doctor
letter-salutation = Dear colleague,
letter-opening = your patient { $name }, born { $birth } (our record { $number }), is treated in our clinic with botulinum toxin for: { $indications }. The treatment so far:
letter-sessions = Sessions
letter-dose = Dose
letter-plan = Plan
letter-closing = With kind regards,

## Patient information leaflet
leaflet-link = Patient leaflet
leaflet-title = Botulinum toxin treatment for { $indication }
leaflet-intro = Botulinum toxin is injected into chosen muscles (or glands) to weaken them for a while. The dose and the places are chosen for you and written down at every session.
leaflet-time-title = When it works, and for how long
leaflet-time = The effect usually begins { $onset } after the injection, is strongest after about { $peak }, and lasts about { $weeks }.
leaflet-often-title = How often
leaflet-often = Injections are usually given no more often than every { $weeks }.
leaflet-not-title = Who should not have it
leaflet-not-allergy = anyone allergic to botulinum toxin or to another ingredient of the product;
leaflet-not-infection = anyone with an infection where the injections would go.
leaflet-tell-title = Tell your doctor beforehand
leaflet-tell-neuromuscular = if you have a disease of the nerves and muscles (such as myasthenia gravis, Lambert-Eaton syndrome, motor neuropathy or ALS);
leaflet-tell-swallowing = if you have difficulty swallowing or breathing;
leaflet-tell-medicines = which medicines you take, above all aminoglycoside antibiotics, muscle relaxants and anticholinergic medicines;

## Parts of scales
scale-part-severity = severity
scale-part-disability = disability
scale-part-pain = pain
scale-part-frequency = frequency

## Titles of the safety findings (the detail follows as the check wrote it)
finding-above_labelled_dose = Above the labelled dose
finding-age_outside_label = Age outside the label
finding-below_labelled_range = Below the labelled range
finding-bilateral_sternocleidomastoid = Both sternocleidomastoids injected
finding-cardiovascular_disease = Cardiovascular disease
finding-contraindicated = Contraindicated
finding-cumulative_max_exceeded = Cumulative maximum exceeded
finding-dilution_unusual = Unusual dilution
finding-dysphagia_or_breathing_difficulty = Swallowing or breathing difficulty
finding-earlier_adverse_event = Earlier adverse event
finding-interacting_medication = Interacting medication
finding-interval_too_short = Interval too short
finding-muscle_dose_below_range = Muscle dose below the labelled range
finding-muscle_dose_out_of_range = Muscle dose above the labelled range
finding-muscle_max_exceeded = Muscle maximum exceeded
finding-muscle_unusual_for_indication = Unusual muscle for the indication
finding-neuromuscular_disorder = Neuromuscular disorder
finding-off_label = Off label
finding-other_product_in_window = Another toxin recently
finding-pediatric_absolute_exceeded = Children's absolute maximum exceeded
finding-pediatric_per_kg_exceeded = Children's dose per kilogram exceeded
finding-periocular_injection = Injection near the eye
finding-pregnancy_or_breastfeeding = Pregnancy or breastfeeding
finding-product_outside_neurology = Product not for neurological use
finding-session_max_exceeded = Session maximum exceeded
finding-side_unusual = Side to be named
finding-site_max_exceeded = Dose per site above the maximum
finding-structure_to_avoid = Structure to avoid
finding-volume_per_site_exceeded = Volume per site too large
finding-weight_below_label = Weight below the label's lowest
finding-weight_missing = Weight missing

## Clinic after-care advice
clinic-advice-title = After-care advice of the clinic
clinic-advice-hint = What your patients should avoid after the injection, in your clinic's own words. The after-care sheet prints it under "What to avoid" in the patient's language; a language left empty prints no such section.
clinic-advice = Advice in { $language }
field-advice_en = Advice in English
field-advice_pl = Advice in Polish
field-advice_ru = Advice in Russian
field-advice_ar = Advice in Arabic
aftercare-avoid-title = What to avoid
aftercare-avoid-from = Advice of { $clinic }.

## What a safety finding says (the check's arguments: doses with their product, muscle and
## indication names, dates and figures in the reader's language)
dose = { $units } U of { $product }
date-long = { $day } { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }
scope-label = { $jurisdiction ->
    [protocol] trial protocol
   *[other] { $jurisdiction } label
}
scope-adults = adults
scope-children = children
region-label = ({ $jurisdiction } label)
finding-detail-whose = { $whose ->
    [side] The larger side's total
   *[session] The session total
}
finding-detail-product-outside-neurology = { $product } is not approved for neurological use. { $note }
finding-detail-off-label = { $product } has no label for { $indication }; the plan is still checked against the product's limits for all indications.
finding-detail-age-adults-only = The patient is aged { $age }; the label of { $product } for { $indication } covers adults only.
finding-detail-weight-missing = The patient is aged { $age }: children's doses are capped per kilogram, and no weight is given.
finding-detail-age-outside-range = The patient is aged { $age }; this label covers ages { $from } to { $to } ({ $scope }).
finding-detail-weight-below-label = The patient weighs { $kg } kg; this label gives no dosing below { $min } kg ({ $scope }).
finding-detail-session-max = { finding-detail-whose }, { $amount }, is above the maximum of { $max } ({ $scope }).
finding-detail-range-exceeded = { finding-detail-whose }, { $amount }, is above the labelled range of { $low } to { $high } U ({ $scope }).
finding-detail-below-labelled-range = { finding-detail-whose }, { $amount }, is below the labelled range of { $low } to { $high } U ({ $scope }).
finding-detail-above-labelled-dose = { finding-detail-whose }, { $amount }, is above the labelled dose of { $fixed } ({ $scope }).
finding-detail-pediatric-per-kg = { finding-detail-whose }, { $amount }, is above { $per_kg } U/kg × { $kg } kg = { $cap } ({ $scope }).
finding-detail-pediatric-absolute = { finding-detail-whose }, { $amount }, is above the absolute cap of { $cap } ({ $scope }).
finding-detail-weight-band = { finding-detail-whose }, { $amount }, is above the labelled { $cap } for a child of { $kg } kg (the band from { $from } kg; { $scope }).
finding-detail-cumulative-max = { $in_window } within { $window } days ({ $from } to { $to }), this session included, is above the maximum of { $cap }; the other sessions of those days gave { $others } ({ $scope }).
finding-detail-site-max = { $muscle }, { $side }: { $per_site } U of { $product } per site is above { $max } U, { $why ->
    [advisory] beyond which the label reports little extra benefit
   *[maximum] the label's maximum per site
} ({ $scope }).
finding-detail-volume-per-site = { $muscle }, { $side }: { $ml } mL per site is above { $max_ml } mL ({ $scope }).
finding-detail-muscle-max = { $muscle }: { $given } on both sides together is above { $max } ({ $reason }; { $scope }).
finding-detail-muscle-dose-above = { $muscle }, { $side }: { $given } is above the labelled { $low } to { $high } U{ $basis ->
    [per_kg] {" "}({ $per_kg_low } to { $per_kg_high } U/kg × { $kg } kg)
   *[units] {""}
}.
finding-detail-muscle-dose-below = { $muscle }, { $side }: { $given } is below the labelled { $low } to { $high } U{ $basis ->
    [per_kg] {" "}({ $per_kg_low } to { $per_kg_high } U/kg × { $kg } kg)
   *[units] {""}
}.
finding-detail-interval-too-short = { $days ->
    [one] { $days } day
   *[other] { $days } days
} since the last session ({ $last } on { $last_date }); { finding-detail-interval-basis }{ finding-detail-interval-booster }.
finding-detail-above-labelled-range = { finding-detail-whose }, { $amount }, is above the label's { $kind ->
    [initial] initial dose of { $low } to { $high } U; later doses follow the patient's response
   *[recommended] recommended { $low } to { $high } U, for which it gives no maximum
} ({ $scope }).
finding-detail-interval-too-short-later = { $days ->
    [one] { $days } day
   *[other] { $days } days
} before a later session ({ $last } on { $last_date }); { finding-detail-interval-basis }{ finding-detail-interval-booster }.
finding-detail-interval-booster = { $booster ->
    [yes] {" "}(less than half: a booster raises the risk of neutralising antibodies)
   *[no] {""}
}
finding-detail-interval-basis = { $basis ->
    [label] the label's minimum interval is { $minimum } days
    [caution] the label cautions against treating more often than every { $minimum } days (tolerance may develop)
   *[general] the label gives no minimum interval for { $indication }; bont warns below { $minimum } days, its general setting
}
finding-detail-hypersensitivity = Known hypersensitivity to botulinum toxin: { $product } is contraindicated{ $region }.
finding-detail-albumin-allergy = Allergy to human albumin, an excipient of { $product }: contraindicated{ $region }.
finding-detail-infection-at-site = Infection at a planned injection site: { $product } is contraindicated there{ $region }.
finding-detail-cow-milk-allergy = Allergy to cow's milk protein: { $product } is contraindicated{ $region }.
finding-detail-neuromuscular-contraindicated = Neuromuscular disease ({ $conditions }): { $product } must not be used{ $region }.
finding-detail-dysphagia-contraindicated = Pre-existing swallowing or breathing difficulty: { $product } must not be used{ $region }.
finding-detail-neuromuscular-warning = { $conditions }: higher risk of severe weakness, dysphagia and breathing problems even at usual doses; monitor closely{ $region }.
finding-detail-dysphagia-warning = Pre-existing swallowing or breathing difficulty: the toxin may worsen it; monitor closely{ $region }.
finding-detail-cardiovascular = Pre-existing cardiovascular disease: a warning of the { $product } label{ $region }.
finding-detail-pregnant = Pregnant: human data are insufficient; weigh benefit and risk and record the decision.
finding-detail-breastfeeding = Breastfeeding: no label gives a rule; weigh benefit and risk and record the decision.
finding-detail-periocular = Injections near the eye ({ $muscles }): reduced blinking can expose the cornea; avoid the levator and the medial lower lid.
finding-detail-other-product = Another botulinum toxin within { $lookback } days of this session: { $parts }. Units of different products are not interchangeable.
finding-detail-other-product-part = { $dose } on { $date } ({ $days ->
    [one] { $days } day
   *[other] { $days } days
} { $later ->
    [yes] after
   *[no] before
} this session)
finding-detail-other-product-part-equivalent = { finding-detail-other-product-part }, about { $low } to { $high } U of { $product } (approximate, ratio { $ratio }, { $sources }; never used to lift a limit)
finding-detail-interacting-medication = { $drugs } ({ $class }): { $effect }.
finding-detail-structure-to-avoid = { $muscle } is a structure to keep away from ({ $reason }).
finding-detail-side-unusual = { $muscle } is paired: say left, right or both rather than midline.
finding-detail-muscle-unusual = { $muscle } is not a usual target for { $indication }.
finding-detail-bilateral-scm = Both sternocleidomastoids are injected: dysphagia is more frequent with bilateral injections; consider lower doses.
finding-detail-adverse-event-repeated = { $event } ({ $severity }) followed the session of { $date } with { $product } into { $muscles }; this plan gives the same product into { $repeated } again.
finding-detail-adverse-event-earlier = { $event } ({ $severity }) after the session of { $date } ({ $product }; { $muscles }).
finding-detail-dilution-unusual = A { $vial } U vial in { $diluent_ml } mL gives { $per_tenth } U of { $product } per 0.1 mL; the label's reconstitutions give { $usual } U per 0.1 mL.

## Units
unit-u = U
unit-ml = mL

## What is wrong with a field of a plan or a form
field-row = row { $row }
problem-not-a-whole-number = “{ $value }” is not a whole number.
problem-not-known = “{ $value }” is not a known { $kind ->
    [condition] condition
    [allergy] allergy
    [product] product
    [indication] indication
    [scale] scale
   *[part] part of this scale
}.
problem-not-one-of = “{ $value }” is not one of { $allowed }.
problem-unknown-muscle = “{ $value }” is not in the muscle catalogue.
problem-unknown-muscle-candidates = “{ $value }” is not in the muscle catalogue; did you mean { $candidates }?
problem-outside = { $value } is outside { $min } to { $max }{ $unit ->
    [kg] {" "}kg
    [ml] {" "}mL
    [minutes] {" "}minutes
    [sites] {" "}sites
    [days] {" "}days
   *[none] {""}
}.
problem-implausible-units = { $value } is not a plausible number of units.
problem-implausible-vial = { $value } is not a plausible vial size.
problem-more-sites-than-units = { $sites } sites for { $units } units: more sites than units.
problem-implausible-dose = { $units } U of { $product }{ $whole ->
    [session] {" "}in this session
   *[row] {""}
} is not a plausible dose: its labels give at most { $largest } U a session, and above { $ceiling } U a plan is taken for a typing error. Correct the units; this cannot be overridden.
problem-exponent-notation = “{ $value }” is written with an exponent: write the number out in full (1000, not 1e3).
problem-session-in-future = { $value } is after today; record a session once it is given.
problem-date-in-past = { $value } is in the past.
problem-not-a-time = “{ $value }” is not a time (use HH:MM).
problem-required-because = { $because ->
    [diluent_given] is required when a diluent volume is given.
   *[powder] is required with a vial size for a powder to reconstitute.
}
problem-no-injections = The plan has no injections.
problem-given-twice = This muscle and side are given twice.
problem-lot-expired = Lot { $lot } expired on { $expiry }, before the session.
problem-not-a-lot-of-session = “{ $value }” is not a lot of this session ({ $count ->
    [0] none recorded
   *[other] { $lots }
}).
problem-choose-lot = Choose the lot: { $lots }.
problem-reason-length = Give a reason of { $min } to { $max } characters.
problem-override-needed = “{ $finding }” blocks signing: give a written reason to override it.
problem-override-reason-length = The reason for overriding “{ $finding }” must be { $min } to { $max } characters.
problem-not-blocking = { $finding } is not a blocking finding of this session.
severity-word-info = Information
severity-word-warn = Warning
severity-word-block = Block
verdict-signed-override = Safety check: signed with overrides by { $who }
override-kind-none = kind not recorded
override-kind-other = Another reason (say which)
override-kind-study_protocol = A study protocol sets it
override-kind-other_jurisdiction = The label of another jurisdiction allows it
override-kind-tolerated_before = A higher dose was tolerated in earlier cycles without harm
override-kind-choose = choose the kind of reason
override-kind = Kind of reason
problem-not-for-male = Cannot be recorded for a male patient.
problem-needed-to-sign = { $what ->
    [consent] The patient's consent to treatment must be recorded (on the patient's page) before the session is signed.
   *[vials] A signed session names the lot and expiry of every vial used: add them before signing.
}
problem-override-reason-words = The reason for overriding “{ $finding }” must say why in at least { $min } words.
problem-override-kind-needed = Choose the kind of reason for overriding “{ $finding }”.
problem-item-count = needs { $needed } items (each { $min } to { $max }, or not applicable); { $given } given.
problem-not-a-step = { $value } is not a step of { $step } on this scale.
problem-scored-on-goals = Goal Attainment Scaling is recorded goal by goal, on the patient's goals.
problem-at-least-one-item = At least one item must apply.
problem-empty-while-ongoing = Leave it empty while the event is ongoing.

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
field-indication = Indication
field-overrides = Reasons for overriding
field-total_units = Total units
field-history = Earlier session
field-injections = Injections
field-vials = Vial
field-items = Items
field-rows = Muscle groups
field-quality = Quality of the muscle reaction
field-r1 = R1 angle
field-r2 = R2 angle
field-result = Result of the call
field-booked_on = Visit booked for
field-note = Note
field-parts = Part

## Why a change was refused by the record's state
state-draft-only = Only a draft can be edited; a signed session is amended.
state-sign-draft-only = Only a draft can be signed.
state-amend-signed-only = Only a signed session can be amended.
state-session-void = The session is already void.
state-follow-up-closed = This follow-up is already closed.
state-event-void = This adverse event is already void.
state-ae-signed-only = An adverse event is recorded against a signed session: sign the session first.
state-after-care-signed-only = An after-care sheet is printed for a signed session.
