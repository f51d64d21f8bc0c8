# language: fr
@v9 @espace-client @annonce @exclusif
Fonctionnalité: L'espace client de chaque marque annonce la migration à J-5 et la rappelle à J-1
  À partir de J-5, une fenêtre annonce aux clients la date et l'heure (heure de
  Paris) de la coupure ; un rappel la remplace à partir de J-1 ; le client peut la
  fermer, et elle ne revient pas ; après la migration, elle disparaît.
  Ces scénarios règlent l'horloge de la plateforme avant tout affichage, si bien
  qu'ils ne dépendent pas de la date du jour : environnement local seulement.
  Un client existant, sur son compte d'avant la migration, voit de même
  l'annonce puis le rappel, avant que la migration ne l'emporte.

  Contexte:
    Étant donné une migration programmée le "01/12/2026" à "09:30", heure de Paris
    Et nous sommes à J-10 de la migration

  Plan du Scénario: Les clients de <marque> voient l'annonce à J-5, le rappel à J-1, et plus rien après la migration
    Étant donné un client de la marque "<marque>" déjà connecté à son espace client
    Quand nous sommes à J-6 de la migration
    Alors l'espace client n'annonce aucune migration
    Quand nous sommes à J-5 de la migration
    Alors l'espace client annonce la migration pour le "mardi 1 décembre 2026 à 09:30"
    Quand nous sommes à J-1 de la migration
    Alors l'espace client rappelle la migration pour le "mardi 1 décembre 2026 à 09:30"
    Quand la migration est passée
    Alors l'espace client n'annonce aucune migration

    # catalogue: marques
    Exemples:
      | marque             | offre               |
      | Veilis             | Sérénité 2011       |
      | Veilis Pro         | Sérénité 2011       |
      | Assur Plus Protect | Habitat Assuré 2013 |
      | Habitat Serein     | Habitat Assuré 2013 |
      | Hexaline Maison    | Box Sécurité 2016   |
      | Box Vigilance      | Box Sécurité 2016   |
      | Sécurimax Connect  | Vigilance 2015      |
      | Alpes Sécurité     | Vigilance 2015      |
      | Maisonéo Cam       | Découverte 2014     |
      | Présence Veilleurs | Senior 2018         |

    @clients-migres @local-only
    # catalogue: clients-migrés:marques,3
    Exemples: clients existants, avant leur migration
      | marque             | offre             |
      | Veilis             | Sérénité 2011     |
      | Box Vigilance      | Box Sécurité 2016 |
      | Présence Veilleurs | Senior 2018       |

  Scénario: Une annonce fermée ne revient pas, mais le rappel de la veille s'affiche
    Étant donné un nouveau client de la marque "Veilis" connecté à son espace client
    Et nous sommes à J-5 de la migration
    Quand le client ferme l'annonce de la migration
    Et nous sommes à J-3 de la migration
    Alors l'espace client n'annonce aucune migration
    Quand nous sommes à J-1 de la migration
    Alors l'espace client rappelle la migration pour le "mardi 1 décembre 2026 à 09:30"
