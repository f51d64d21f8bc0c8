# language: fr
@v9 @espace-client @visuel
Fonctionnalité: Tout s'affiche correctement dans l'espace client de chaque marque
  Après le redémarrage, le premier symptôme visible serait « tout ne s'affiche pas
  correctement » : chaque page de l'espace client de chaque marque doit s'afficher
  à sa marque et sans erreur, et son tableau de bord doit ressembler à la capture
  approuvée (node tools/update-baselines.ts en approuve de nouvelles).

  Plan du Scénario: Chaque page de l'espace client de <marque> s'affiche à sa marque
    Étant donné un client de la marque "<marque>" déjà connecté à son espace client
    Alors chaque page de l'espace client de "<marque>" s'affiche à sa marque, sans erreur

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

    @clients-migres
    # catalogue: clients-migrés:marques,3
    Exemples: clients d'avant la migration, sur leur compte migré
      | marque             | offre             |
      | Veilis             | Sérénité 2011     |
      | Box Vigilance      | Box Sécurité 2016 |
      | Présence Veilleurs | Senior 2018       |

  @capture
  Plan du Scénario: Le tableau de bord de <marque> ressemble à sa capture approuvée
    Étant donné un nouveau client de la marque "<marque>" connecté à son espace client
    Alors le tableau de bord de "<marque>" ressemble à sa capture approuvée

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
