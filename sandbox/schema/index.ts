// The schema and reference loader of each platform version, chosen by version.

import type pg from 'pg';
import type { Catalog, PlatformVersion } from '../../catalog/index.ts';
import type { DatabaseName } from '../db.ts';
import { loadV9Reference } from './reference-v9.ts';
import { loadV10Reference } from './reference-v10.ts';
import { v9Schema } from './v9.ts';
import { v10Schema } from './v10.ts';

export interface VersionSchema {
  ddl: Record<DatabaseName, string>;
  loadReference(client: pg.ClientBase, catalog: Catalog): Promise<Record<string, number>>;
}

export const schemas: Record<PlatformVersion, VersionSchema> = {
  v9: { ddl: v9Schema, loadReference: loadV9Reference },
  v10: { ddl: v10Schema, loadReference: loadV10Reference },
};
