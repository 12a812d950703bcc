-- Issue 22: a sub-contractor link answers the decision chart's second question as well
-- (would the sub-contractor's stoppage unacceptably delay our business?). NULL = not answered:
-- every link stored before this version has not been asked, and is shown as such, never as "no".
ALTER TABLE subcontracting_link ADD COLUMN business_critical BOOLEAN NULL AFTER system_access;
