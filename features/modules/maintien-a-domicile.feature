# language: fr
@modules @module-home-care
Fonctionnalité: Maintien à domicile : la famille est alertée quand personne ne bouge
  Quand l'offre comprend le maintien à domicile, la famille choisit une durée :
  si aucun mouvement n'est vu chez la personne pendant cette durée, la famille
  reçoit une alerte d'inactivité au nom de la marque. Chaque mouvement fait
  repartir la durée. Une offre sans maintien à domicile ne permet pas de
  confier la veille à la famille.

  @couvre-les-offres
  Plan du scénario: Avec l'offre "<offre>", la famille est alertée après 12 heures sans mouvement, pas avant
    Étant donné un client "Jeanne" de la marque "<marque>" avec l'offre "<offre>"
    Et une caméra "Vigie 360" installée chez "Jeanne"
    Et la famille de "Jeanne" veille sur elle, alertée après 12 heures sans mouvement
    Quand 11 heures s'écoulent pour "Jeanne"
    Et "Jeanne" passe devant sa caméra
    Et 11 heures s'écoulent pour "Jeanne"
    Alors la famille de "Jeanne" ne reçoit aucune alerte d'inactivité
    Quand 2 heures s'écoulent pour "Jeanne"
    Alors la famille de "Jeanne" reçoit une alerte d'inactivité envoyée au nom de "<expéditeur>"

    Exemples: offres vendues depuis la V9
      | offre               | marque             | expéditeur |
      | Senior 2018         | Présence Veilleurs | VEILLEURS  |
      | Senior Connect 2021 | Présence Veilleurs | VEILLEURS  |

    @clients-migres @horloge-de-test @local-only
    Exemples: clients d'avant la migration, sur leur compte migré
      | offre               | marque             | expéditeur |
      | Senior 2018         | Présence Veilleurs | VEILLEURS  |
      | Senior Connect 2021 | Présence Veilleurs | VEILLEURS  |

  Scénario: La famille reçoit une seule alerte d'inactivité, au nom de la marque, qui dit depuis quand personne n'a bougé
    Étant donné un client "Jeanne" de la marque "Présence Veilleurs" avec l'offre "Senior 2018"
    Et une caméra "Vigie 360" installée chez "Jeanne"
    Et la famille de "Jeanne" veille sur elle, alertée après 12 heures sans mouvement
    Quand "Jeanne" passe devant sa caméra
    Et 12 heures s'écoulent pour "Jeanne"
    Alors la famille de "Jeanne" reçoit une seule alerte d'inactivité au nom de "VEILLEURS", qui dit au nom de sa marque que personne n'a bougé chez elle depuis 12 heures, depuis son dernier mouvement
    Quand 3 heures s'écoulent pour "Jeanne"
    Alors la famille de "Jeanne" n'a reçu en tout qu'une seule alerte d'inactivité

  @sans-le-module
  Scénario: L'offre "Sérénité 2011", sans maintien à domicile, ne permet pas de confier la veille à la famille
    Étant donné un client "Dominique" de la marque "Veilis" avec l'offre "Sérénité 2011"
    Alors "Dominique" ne peut pas confier sa veille à sa famille
