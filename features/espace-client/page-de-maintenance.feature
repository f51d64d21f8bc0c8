# language: fr
@v9 @espace-client @maintenance @exclusif
Fonctionnalité: Pendant la fenêtre de migration, une page de maintenance remplace le site
  Pendant la coupure, l'espace client de chaque marque et le back-office
  répondent par une page de maintenance (HTTP 503, avec le délai après lequel
  réessayer) ; l'espace client garde la marque du client.
  Ces scénarios mettent la plateforme en maintenance : environnement local seulement.

  Contexte:
    Étant donné une migration programmée le "01/12/2026" à "09:30", heure de Paris
    Et nous sommes pendant la fenêtre de maintenance
    Quand la plateforme passe en maintenance

  Plan du Scénario: L'espace client de <marque> affiche sa page de maintenance
    Alors l'espace client de "<marque>" affiche sa page de maintenance, à réessayer plus tard

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

  Scénario: Le back-office affiche la page de maintenance
    Alors le back-office affiche la page de maintenance, à réessayer plus tard

  Scénario: À la fin de la maintenance, le back-office rouvre au support client
    Alors le back-office affiche la page de maintenance, à réessayer plus tard
    Quand la plateforme sort de maintenance
    Alors le back-office de chaque instance est de nouveau ouvert au support client
