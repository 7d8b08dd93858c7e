-- Vector tiles from the database, in the layout of the page's own tile tree: a `parcels` layer of polygons
-- (status, layer) and a `labels` layer of one point per parcel (with the 文号 from zoom 14 on), ids = records.id.
-- The Web Mercator geometry is stored, not computed per tile: a low-zoom tile covers tens of thousands of parcels.
ALTER TABLE jiezhi.records
  ADD COLUMN geom_3857 geometry(MultiPolygon, 3857) GENERATED ALWAYS AS (ST_Transform(geom_4326, 3857)) STORED,
  ADD COLUMN label_3857 geometry(Point, 3857) GENERATED ALWAYS AS (ST_Transform(ST_PointOnSurface(geom_4326), 3857)) STORED,
  -- The larger side of the bounding box in Web Mercator metres: a polygon smaller than a pixel is drawn as its label dot.
  ADD COLUMN extent_3857 double precision GENERATED ALWAYS AS (
    greatest(ST_XMax(ST_Transform(geom_4326, 3857)) - ST_XMin(ST_Transform(geom_4326, 3857)),
             ST_YMax(ST_Transform(geom_4326, 3857)) - ST_YMin(ST_Transform(geom_4326, 3857)))) STORED;
CREATE INDEX records_geom_3857 ON jiezhi.records USING gist (geom_3857);
CREATE INDEX records_label_3857 ON jiezhi.records USING gist (label_3857);

CREATE FUNCTION jiezhi.parcel_tile(z integer, x integer, y integer) RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  WITH tile AS (
    SELECT ST_TileEnvelope(z, x, y) AS box,
           -- 64 of 4096 tile units of buffer, as the page's tiles have.
           ST_Expand(ST_TileEnvelope(z, x, y), 40075016.685578488 / 2 ^ z * 64 / 4096) AS near,
           40075016.685578488 / 2 ^ z / 4096 AS unit
  ),
  polygons AS (
    SELECT r.id, r.status, 'parcel' AS layer, ST_AsMVTGeom(r.geom_3857, tile.box, 4096, 64, true) AS geom
    FROM jiezhi.records r, tile
    WHERE r.geom_3857 && tile.near AND r.extent_3857 >= 16 * tile.unit
  ),
  labels AS (
    SELECT r.id, r.status, 'parcel' AS layer, CASE WHEN z >= 14 THEN r.doc END AS label,
           ST_AsMVTGeom(r.label_3857, tile.box, 4096, 64, true) AS geom
    FROM jiezhi.records r, tile
    WHERE r.label_3857 && tile.near
  )
  SELECT coalesce((SELECT ST_AsMVT(polygons, 'parcels', 4096, 'geom', 'id') FROM polygons WHERE geom IS NOT NULL), '')
      || coalesce((SELECT ST_AsMVT(labels, 'labels', 4096, 'geom', 'id') FROM labels WHERE geom IS NOT NULL), '')
$$;
COMMENT ON FUNCTION jiezhi.parcel_tile(integer, integer, integer) IS 'Mapbox vector tile z/x/y of the parcels (layers parcels and labels)';

-- The table's search: holder, location, 文号 and title by substring, through a trigram index.
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
ALTER TABLE jiezhi.records ADD COLUMN search_text text GENERATED ALWAYS AS (
  coalesce(doc, '') || ' ' || coalesce(title, '') || ' ' || coalesce(holder, '') || ' ' || coalesce(location, '')) STORED;
CREATE INDEX records_search ON jiezhi.records USING gin (search_text gin_trgm_ops);
CREATE INDEX records_status_id ON jiezhi.records (status, id);
CREATE INDEX records_computed_m2 ON jiezhi.records (computed_m2);
