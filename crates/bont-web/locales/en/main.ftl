app-name = bont
yes = yes
no = no

## Navigation
nav-label = Main
nav-patients = Patients
nav-users = Staff accounts
nav-password = Change password
nav-logout = Log out

## Errors
error-not-found = Not found
error-forbidden = Your role does not allow this
error-unauthenticated = Please log in
error-malformed = The request could not be read
error-too-large = The request is too large
error-media-type = Send the request body as JSON (Content-Type: application/json)
error-invalid = Some entries need correcting
error-conflict = Someone else changed this record since you opened it
error-wrong-state = This cannot be done in the record's present state
error-internal = Something went wrong on our side; nothing was saved
error-go-home = Back to the start page

## Login and passwords
login-title = Log in
login-failed = Wrong user name or password.
login-locked = Too many failed attempts for this user name. Try again in 15 minutes, or ask an administrator to reset the password.
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
problem-out-of-range = must be between { $min } and { $max } { $unit }.
problem-unknown = “{ $value }” is not one of the accepted values.
problem-duplicate = is already used by another record.
problem-name-or-pseudonym = enter a family name or a pseudonym.
problem-not-an-email = is not an e-mail address.
problem-not-a-phone = is not a telephone number (digits, spaces and + - ( ) only).
problem-password-too-short = must be at least { $min } characters.
problem-passwords-differ = the two passwords differ.

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
verdict-not-yet = Safety check: the plan cannot be checked yet
verdict-of = of
verdict-sites = sites
verdict-concentration = Concentration
verdict-volume = total volume
verdict-vials = vials
verdict-left-over = left in the last vial
verdict-days-since = Days since the last session
verdict-window = Last days:
verdict-remaining = remaining
verdict-total = Total
verdict-no-findings = No findings.
