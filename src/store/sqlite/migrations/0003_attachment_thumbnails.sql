-- A processed photo points at its thumbnail (another attachment), so pages and booklets can show the small copy.
ALTER TABLE attachments ADD COLUMN thumbnail_sha256 TEXT;
