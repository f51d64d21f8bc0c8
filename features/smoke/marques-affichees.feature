# language: fr
@smoke @v9
Fonctionnalité: L'espace client de chaque marque s'affiche à sa marque
  Après le redémarrage, la page d'accueil de l'espace client de chaque marque
  blanche doit s'afficher avec le nom, le logo, les couleurs et le téléphone
  d'assistance de sa marque, sans rien d'une autre marque. Ce contrôle ne fait que lire : il est sûr en production.

  Plan du Scénario: L'espace client de <marque> s'affiche à sa marque
    Quand un visiteur ouvre l'espace client de la marque "<marque>"
    Alors la page affiche le nom, le logo, les couleurs et le téléphone d'assistance de la marque "<marque>", et rien d'une autre

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
