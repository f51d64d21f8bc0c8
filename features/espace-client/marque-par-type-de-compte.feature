# language: fr
@v9 @espace-client
Fonctionnalité: Chaque client se connecte à l'espace client de sa marque et n'y voit que sa marque
  Pour chaque marque blanche et chaque type de compte qu'elle ouvre, un client se
  connecte à l'espace client de sa marque : il y voit le nom, le logo, les couleurs
  et le téléphone du service client de sa marque, et jamais le nom, le logo ou le
  téléphone d'une autre marque.
  Les exemples suivent le catalogue (marques × types de compte) : npm run sync les régénère.

  Plan du Scénario: Un client <type de compte> de <marque> ne voit que sa marque
    Étant donné un client "Alex" de la marque "<marque>" avec un compte "<type de compte>"
    Quand "Alex" se connecte à l'espace client de sa marque
    Alors l'espace client montre le nom, le logo, les couleurs et le téléphone de "<marque>", et rien d'une autre marque

    # catalogue: marques-types-de-compte
    Exemples:
      | marque             | type de compte         |
      | Veilis             | Particulier            |
      | Veilis             | Professionnel          |
      | Veilis Pro         | Professionnel          |
      | Assur Plus Protect | Particulier            |
      | Assur Plus Protect | Géré par le partenaire |
      | Habitat Serein     | Géré par le partenaire |
      | Hexaline Maison    | Particulier            |
      | Hexaline Maison    | Géré par le partenaire |
      | Box Vigilance      | Particulier            |
      | Sécurimax Connect  | Particulier            |
      | Sécurimax Connect  | Professionnel          |
      | Alpes Sécurité     | Professionnel          |
      | Alpes Sécurité     | Géré par le partenaire |
      | Maisonéo Cam       | Particulier            |
      | Présence Veilleurs | Particulier            |
      | Présence Veilleurs | Géré par le partenaire |

    @clients-migres
    # catalogue: clients-migrés:marques-types-de-compte,4
    Exemples: clients d'avant la migration, sur leur compte migré
      | marque             | type de compte         |
      | Veilis             | Particulier            |
      | Habitat Serein     | Géré par le partenaire |
      | Sécurimax Connect  | Professionnel          |
      | Présence Veilleurs | Géré par le partenaire |
