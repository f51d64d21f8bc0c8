// Allure categories by kind (product defect, environment, configuration, flaky): each result in one kind, its message beneath.

export interface Category {
  name: string;
  description: string;
  matchedStatuses: string[];
  messageRegex?: string;
  flaky?: boolean;
}

const environment = '(?s).*\\[environment\\].*';
const configuration = '(?s).*\\[configuration\\].*';
/** Neither an environment nor a configuration problem: what is left is the product's, or the harness's. */
const neither = '(?s)(?!.*\\[environment\\])(?!.*\\[configuration\\]).*';

const texts = {
  en: {
    environment: ['Broken environment', 'The environment (database, broker, browser, a platform process) was broken: the product was not tested.'],
    configuration: ['Configuration error', 'Bad input: catalog entry, profile, flag. Fix the input and run again.'],
    flaky: ['Flaky (passed on retry)', 'In certification mode a pass on retry is not green.'],
    product: ['Product defect', 'The platform did not behave as the scenario expects.'],
    test: ['Test defect', 'The harness itself raised an unexpected error.'],
  },
  fr: {
    environment: ["Environnement en panne", "L'environnement de test (base de données, messagerie, navigateur, un service de la plateforme) était en panne : le produit n'a pas été testé."],
    configuration: ['Erreur de configuration', 'Une donnée de la campagne était incorrecte (catalogue, comptes de test) : elle est corrigée puis la campagne rejouée.'],
    flaky: ['Instable (réussi au nouvel essai)', "Un scénario qui ne réussit qu'au nouvel essai n'est pas certifié."],
    product: ['Défaut du produit', "La plateforme ne s'est pas comportée comme le scénario l'attend."],
    test: ['Anomalie du banc de test', "Le banc de test lui-même a rencontré une erreur inattendue : le produit n'est pas en cause."],
  },
} as const;

/** The categories in English (the overall report, for QA) or French (a partner's report). */
export function categoriesFor(language: 'en' | 'fr'): Category[] {
  const t = texts[language];
  return [
    { name: t.environment[0], description: t.environment[1], matchedStatuses: ['broken', 'failed'], messageRegex: environment },
    { name: t.configuration[0], description: t.configuration[1], matchedStatuses: ['broken', 'failed'], messageRegex: configuration },
    { name: t.flaky[0], description: t.flaky[1], matchedStatuses: ['passed', 'failed', 'broken'], flaky: true },
    { name: t.product[0], description: t.product[1], matchedStatuses: ['failed'], messageRegex: neither },
    { name: t.test[0], description: t.test[1], matchedStatuses: ['broken'], messageRegex: neither },
  ];
}
