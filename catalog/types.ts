// The product matrix's types: every partner, brand, offer and device the certification must cover.

export type PlatformVersion = 'v9' | 'v10';
export type GenerationId = 'http-push' | 'https-json' | 'mqtt3' | 'mqtt5';

export interface Partner {
  id: string;
  name: string;
  kind: 'direct' | 'insurer' | 'telecom' | 'installer' | 'retailer' | 'home-care';
  /** Offers the partner sells or sold (ids); its white labels sell exactly these. Legacy ones stay active for its customers. */
  offers: string[];
}

export interface WhiteLabel {
  id: string;
  partner: string;
  brand: string;
  colors: { primary: string; secondary: string };
  /** Logo as an SVG document (inline, so the catalog is self-contained); it shows the brand's name. */
  logoSvg: string;
  /** Alphanumeric SMS sender: 3 to 11 letters or digits, at least one letter. */
  smsSender: string;
  mailSender: string;
  /** French number in international form, e.g. "+33 1 84 80 10 00". */
  supportPhone: string;
  /** Account types a customer of this brand can open (ids). */
  accountTypes: string[];
  /** Payment methods this brand takes (ids). */
  paymentMethods: string[];
}

export interface AccountType { id: string; name: string }
export interface PaymentMethod { id: string; name: string }

export interface ServiceModule {
  id: string;
  name: string;
  /** First platform version that offers the module. */
  since: PlatformVersion;
}

export interface Offer {
  id: string;
  name: string;
  /** Year the offer was first sold. */
  year: number;
  /** First platform version that sells the offer: an offer with a V10-only module is "v10" and dates from 2022 on. */
  since: PlatformVersion;
  /** Legacy offers are no longer sold but still active for existing customers. */
  legacy: boolean;
  modules: string[];
  maxDevices: number;
  retentionDays: number;
  monthlyPriceCents: number;
  /** Alerts an account may receive per calendar month (Europe/Paris) on each channel; 0 where the offer lacks the module. */
  monthlyQuotas: { sms: number; email: number };
}

export interface Generation { id: GenerationId; name: string; years: [number, number] }

export interface CameraModel {
  id: string;
  name: string;
  /** Year the model was launched: it lies within its generation's years. */
  year: number;
  generation: GenerationId;
  /** Firmware versions in the field, "major.minor.patch", oldest first. */
  firmware: string[];
  /** From the closed vocabulary `cameraCapabilities` (see schema.ts). */
  capabilities: string[];
}

export interface AlarmPanelModel { id: string; name: string; protocol: 'dc09' | 'mqtt'; encryption: boolean }
/** `kind` is one of `objectKinds` (see schema.ts). */
export interface ObjectModel { id: string; name: string; kind: string }

export interface Catalog {
  partners: Partner[];
  whiteLabels: WhiteLabel[];
  accountTypes: AccountType[];
  paymentMethods: PaymentMethod[];
  modules: ServiceModule[];
  offers: Offer[];
  generations: Generation[];
  cameraModels: CameraModel[];
  alarmPanels: AlarmPanelModel[];
  objects: ObjectModel[];
}
