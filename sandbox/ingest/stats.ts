// The counters of what an instance's ingest did with the devices' messages, shared by every ingest path.

export interface IngestStats {
  /** Messages fully handled (stored, skipped or rejected): a test waits on this instead of sleeping. */
  processed: number;
  stored: number;
  duplicates: number;
  ignored: number;
  failed: number;
}
