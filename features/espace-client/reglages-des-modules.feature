# language: fr
@v9 @espace-client @reglages
Fonctionnalité: La page des réglages montre au client son offre et les modules de son offre
  Dans la page des réglages de son espace client, le client voit le nom de son
  offre et, chacun une fois, les modules qu'elle comprend, sous leur nom : il
  peut en arrêter un, jamais en ajouter un que son offre ne comprend pas. Un client qui n'a encore rien arrêté les voit tous en service.
  Un client d'avant la migration, sur son compte migré, voit de même l'offre qu'il
  avait sous V9 et ses modules.

  Plan du scénario: Un client de <marque> avec l'offre "<offre>" voit son offre et exactement ses modules
    Étant donné un client "Alex" de la marque "<marque>" avec l'offre "<offre>"
    Quand "Alex" se connecte à l'espace client de sa marque
    Alors la page des réglages de "Alex" nomme son offre et liste exactement les modules de son offre, par leur nom, tous en service

    Exemples:
      | marque             | offre         |
      | Veilis             | Sérénité 2011 |
      | Veilis Pro         | Pro 2020      |
      | Présence Veilleurs | Senior 2018   |

    @clients-migres
    # catalogue: clients-migrés:marques,4
    Exemples: clients d'avant la migration, sur leur compte migré
      | marque             | offre               |
      | Veilis             | Sérénité 2011       |
      | Habitat Serein     | Habitat Assuré 2013 |
      | Sécurimax Connect  | Vigilance 2015      |
      | Présence Veilleurs | Senior 2018         |
