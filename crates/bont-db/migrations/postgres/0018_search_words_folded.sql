-- Search words lose their letters' marks ("dabrowska" finds "Dąbrowska", "федорова" finds
-- "Фёдорова"): the words are made again, folded, from each patient's stored search key
-- when the database is next opened (see give_earlier_patients_their_words).
DELETE FROM patient_words;
