// The modules' words in the Gherkin (third parties, faults, alert channels, AI scenes and classes), each mapped to the
// drivers' value; the parameter types (parameters.ts) are made of them.

import type { AiLabel, ThirdParty } from '../../drivers/index.ts';

export type Fault = 'down' | 'error' | 'malformed';
export type Channel = 'sms' | 'email';

export const providers: Record<string, ThirdParty> = {
  'la passerelle SMS': 'sms',
  'le prestataire d\'e-mail': 'mail',
  'le service de classification IA': 'ai',
  'le prestataire de paiement': 'payment',
  'le centre de télésurveillance': 'monitoring',
};

export const faults: Record<string, Fault> = {
  'est en panne': 'down',
  'répond en erreur': 'error',
  'répond de façon illisible': 'malformed',
};

export const channels: Record<string, Channel> = { 'le SMS d\'alerte': 'sms', 'l\'e-mail d\'alerte': 'email' };

export const scenes: Record<string, AiLabel> = { 'une personne': 'person', 'un véhicule': 'vehicle', 'un animal': 'animal' };
export const classNames: Record<string, AiLabel> = { personnes: 'person', véhicules: 'vehicle', animaux: 'animal' };
