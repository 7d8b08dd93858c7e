-- Jiezhi's store: sources (input files), documents (文号), records (land records, with geometry when they have
-- usable points), diagnostics, planning blocks and named mines with the documents that mention them.
-- Geometry is kept twice: geom_native in the record's own Gauss–Krüger zone (where the stated area is checked,
-- so ST_Area gives the computed planar area) and geom_4326 for the map.
-- In public, not in the first schema of the search path (which is jiezhi for a role named jiezhi).
CREATE EXTENSION IF NOT EXISTS postgis SCHEMA public;
CREATE SCHEMA IF NOT EXISTS jiezhi;

CREATE TABLE jiezhi.sources (
  id bigserial PRIMARY KEY,
  file text NOT NULL UNIQUE,
  -- SHA-256 of what the file contributed to the extraction: loading the same content again changes nothing.
  sha256 text NOT NULL,
  encoding text,
  lines integer,
  bytes bigint,
  documents integer,
  loaded_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE jiezhi.sources IS '输入文件 input files, one row per file loaded';

CREATE TABLE jiezhi.documents (
  doc_key text PRIMARY KEY,
  doc text NOT NULL,
  title text,
  issuer text,
  decided_on date,
  kind text NOT NULL,
  parcels integer NOT NULL,
  source_id bigint NOT NULL REFERENCES jiezhi.sources (id) ON DELETE CASCADE
);
COMMENT ON TABLE jiezhi.documents IS '决定文件 documents that decide land, keyed by the normalised 文号';
COMMENT ON COLUMN jiezhi.documents.doc_key IS '规范化文号 normalised document number (NFKC, 〔〕 brackets, no spaces)';
CREATE INDEX documents_source ON jiezhi.documents (source_id);

CREATE TABLE jiezhi.records (
  id bigserial PRIMARY KEY,
  source_id bigint NOT NULL REFERENCES jiezhi.sources (id) ON DELETE CASCADE,
  record_uid text NOT NULL,
  doc_key text REFERENCES jiezhi.documents (doc_key) ON DELETE CASCADE,
  parcel_no integer NOT NULL,
  kind text NOT NULL,
  doc text NOT NULL,
  title text,
  issuer text,
  decided_on date,
  holder text,
  location text,
  four_sides text,
  compensation text,
  report_numbers text[] NOT NULL DEFAULT '{}',
  planning_block text,
  datum text,
  stated_area_text text,
  stated_area_value double precision,
  stated_area_unit text,
  stated_area_m2 double precision,
  stated_area_decimals integer,
  computed_m2 double precision,
  ellipsoidal_m2 double precision,
  delta_m2 double precision,
  delta_relative double precision,
  tolerance_m2 double precision,
  status text NOT NULL,
  zone_width smallint,
  zone smallint,
  central_meridian double precision,
  epsg integer,
  points integer NOT NULL,
  source_file text NOT NULL,
  source_line integer NOT NULL,
  source_end_line integer,
  elevation_top double precision,
  elevation_bottom double precision,
  attributes jsonb,
  checks jsonb,
  hypotheses jsonb NOT NULL DEFAULT '[]',
  record jsonb NOT NULL,
  geom_native geometry,
  geom_4326 geometry(MultiPolygon, 4326),
  UNIQUE (source_id, record_uid),
  -- One column holds every zone, so the SRID is checked per row against the record's own EPSG code.
  CONSTRAINT geom_native_srid CHECK (geom_native IS NULL OR ST_SRID(geom_native) = epsg),
  CONSTRAINT geom_native_type CHECK (geom_native IS NULL OR GeometryType(geom_native) = 'MULTIPOLYGON')
);
COMMENT ON TABLE jiezhi.records IS '地块记录 land records: every record, with geometry when its points make a polygon';
COMMENT ON COLUMN jiezhi.records.doc IS '文号 as printed (地块编号 for a coordinate file)';
COMMENT ON COLUMN jiezhi.records.holder IS '土地使用权人 holder';
COMMENT ON COLUMN jiezhi.records.location IS '坐落 location';
COMMENT ON COLUMN jiezhi.records.stated_area_text IS '文中面积 the stated area as printed';
COMMENT ON COLUMN jiezhi.records.stated_area_m2 IS '文中面积（平方米） stated area in m²';
COMMENT ON COLUMN jiezhi.records.computed_m2 IS '计算面积（平方米） planar Gauss–Krüger area of the printed X/Y';
COMMENT ON COLUMN jiezhi.records.status IS '核验结果 match | mismatch | unstated | invalid | no-points';
COMMENT ON COLUMN jiezhi.records.geom_native IS 'geometry in the record''s own zone (SRID = epsg), easting = printed Y, northing = printed X';
-- A document (文号) has each parcel once; coordinate files and mining-right files have no 文号 and are keyed by their file.
CREATE UNIQUE INDEX records_doc_parcel ON jiezhi.records (doc_key, parcel_no) WHERE doc_key IS NOT NULL;
CREATE INDEX records_geom_native ON jiezhi.records USING gist (geom_native);
CREATE INDEX records_geom_4326 ON jiezhi.records USING gist (geom_4326);
CREATE INDEX records_status ON jiezhi.records (status);
CREATE INDEX records_kind ON jiezhi.records (kind);

CREATE TABLE jiezhi.diagnostics (
  id bigserial PRIMARY KEY,
  source_id bigint REFERENCES jiezhi.sources (id) ON DELETE CASCADE,
  record_uid text,
  code text NOT NULL,
  severity text NOT NULL,
  line integer,
  end_line integer,
  diagnostic jsonb NOT NULL,
  FOREIGN KEY (source_id, record_uid) REFERENCES jiezhi.records (source_id, record_uid) ON DELETE CASCADE
);
COMMENT ON TABLE jiezhi.diagnostics IS '诊断 diagnostics: of a record (record_uid set) or of a file';
CREATE INDEX diagnostics_source ON jiezhi.diagnostics (source_id, record_uid);
CREATE INDEX diagnostics_code ON jiezhi.diagnostics (code);
-- Diagnostics that name no file belong to no source; the same one is kept once.
CREATE UNIQUE INDEX diagnostics_unsourced ON jiezhi.diagnostics (md5(diagnostic::text)) WHERE source_id IS NULL;

CREATE TABLE jiezhi.planning_blocks (
  code text PRIMARY KEY,
  level text NOT NULL,
  group_code text NOT NULL,
  street text
);
COMMENT ON TABLE jiezhi.planning_blocks IS '控规地块 planning blocks the documents name';

CREATE TABLE jiezhi.planning_block_documents (
  source_id bigint NOT NULL REFERENCES jiezhi.sources (id) ON DELETE CASCADE,
  code text NOT NULL REFERENCES jiezhi.planning_blocks (code),
  doc text NOT NULL,
  doc_key text NOT NULL,
  title text,
  decided_on date,
  role text NOT NULL,
  project text,
  sources jsonb NOT NULL
);
CREATE INDEX planning_block_documents_code ON jiezhi.planning_block_documents (code);
CREATE INDEX planning_block_documents_source ON jiezhi.planning_block_documents (source_id);

CREATE TABLE jiezhi.mines (
  key text PRIMARY KEY,
  name text NOT NULL,
  kind text,
  aliases text[] NOT NULL DEFAULT '{}'
);
COMMENT ON TABLE jiezhi.mines IS '矿山 named mines and quarries';

CREATE TABLE jiezhi.mine_mentions (
  source_id bigint NOT NULL REFERENCES jiezhi.sources (id) ON DELETE CASCADE,
  mine_key text NOT NULL REFERENCES jiezhi.mines (key),
  doc text NOT NULL,
  doc_key text NOT NULL,
  title text,
  decided_on date,
  name text NOT NULL,
  line integer
);
CREATE INDEX mine_mentions_key ON jiezhi.mine_mentions (mine_key);
CREATE INDEX mine_mentions_source ON jiezhi.mine_mentions (source_id);

-- The attribute columns of every parcel layer, written once: jiezhi.parcels (EPSG:4326, for the map) and one
-- typed view per zone (jiezhi.parcels_<epsg>), which is what QGIS and GDAL need to see one SRID per layer.
CREATE FUNCTION jiezhi.create_parcel_view(view_name text, geom_expr text, filter text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format(
    'CREATE OR REPLACE VIEW jiezhi.%I AS SELECT id, record_uid, kind, doc, title, issuer, decided_on, holder, location, '
    'stated_area_text, stated_area_m2, computed_m2, delta_m2, tolerance_m2, status, planning_block, epsg, points, '
    'source_file, source_line, %s AS geom FROM jiezhi.records WHERE %s',
    view_name, geom_expr, filter);
END $$;

CREATE FUNCTION jiezhi.ensure_zone_view(zone_epsg integer) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  view_name text := 'parcels_' || zone_epsg;
BEGIN
  IF to_regclass('jiezhi.' || view_name) IS NULL THEN
    -- Two loaders meeting a new zone at once: the second waits, then finds the view the first made.
    PERFORM pg_advisory_xact_lock(19036, zone_epsg);
  END IF;
  IF to_regclass('jiezhi.' || view_name) IS NULL THEN
    PERFORM jiezhi.create_parcel_view(view_name,
      format('geom_native::geometry(MultiPolygon, %s)', zone_epsg),
      format('epsg = %s AND geom_native IS NOT NULL', zone_epsg));
  END IF;
  RETURN view_name;
END $$;

SELECT jiezhi.create_parcel_view('parcels', 'geom_4326', 'geom_4326 IS NOT NULL');

CREATE VIEW jiezhi.mining_zones AS
  SELECT id, record_uid, doc, attributes ->> '矿区名称' AS name, elevation_top, elevation_bottom, stated_area_text,
         stated_area_m2, computed_m2, status, epsg, source_file, source_line, geom_4326 AS geom
  FROM jiezhi.records WHERE kind = 'mining-zone';
