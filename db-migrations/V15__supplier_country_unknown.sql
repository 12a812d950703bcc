-- A supplier's country may be unknown (NULL): a supplier without a 法人番号 that nobody gave a country
-- (e.g. "Bavaria Sensor GmbH" imported from a sheet without a country column) is no longer made 'JP'.
-- Only a supplier with a valid 法人番号 defaults to JP, in the application (SupplierForm.withDefaults).
ALTER TABLE supplier MODIFY country CHAR(2) NULL;
