// Checks that a customer-space page shows one brand, and none of another brand's marks (name, phone).

import type { WhiteLabel } from '../catalog/index.ts';
import { ProductAssertionError } from '../lib/errors.ts';
import type { CustomerSpace } from './customer-space.ts';

export async function expectBrandPage(space: CustomerSpace, brand: WhiteLabel, others: readonly WhiteLabel[]): Promise<void> {
  const [name, phone] = await Promise.all([space.brandName(), space.supportPhone()]);
  const problems: string[] = [];
  if (name !== brand.brand) problems.push(`the brand name reads "${name}"`);
  if (phone !== brand.supportPhone) problems.push(`the support phone reads "${phone}", expected ${brand.supportPhone}`);
  const foreign = others.filter((other) => other.id !== brand.id && (name === other.brand || phone === other.supportPhone));
  for (const other of foreign) problems.push(`it shows marks of ${other.brand}`);
  if (problems.length > 0) throw new ProductAssertionError(`the customer space of ${brand.brand} (white label ${brand.id}, partner ${brand.partner}) must show its own brand: ${problems.join('; ')}. Was the white label's branding migrated?`);
}
