-- Issue 22 (decision 0015): the two older answers of a sub-contractor link become yes / no / not answered
-- like business_critical (V17). Existing rows keep their stored yes/no: they were asked and answered.
-- MODIFY redefines the column, so its old DEFAULT FALSE goes too: a link stored without an answer is not
-- answered, never silently "no".
ALTER TABLE subcontracting_link MODIFY COLUMN confidential_data_flows BOOLEAN NULL;
ALTER TABLE subcontracting_link MODIFY COLUMN system_access BOOLEAN NULL;
