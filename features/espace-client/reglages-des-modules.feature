# language: fr
@v9 @espace-client @reglages
Fonctionnalité: La page des réglages montre au client son offre et les modules de son offre
  Dans la page des réglages de son espace client, le client voit le nom de son
  offre et, chacun une fois, les modules qu'elle comprend, sous leur nom : il
  peut en arrêter un, jamais en ajouter un que son offre ne comprend pas. Un client qui n'a encore rien arrêté les voit tous en service.

  Plan du scénario: Un client de <marque> avec l'offre "<offre>" voit son offre et exactement ses modules
    Étant donné un client "Alex" de la marque "<marque>" avec l'offre "<offre>"
    Quand "Alex" se connecte à l'espace client de sa marque
    Alors la page des réglages de "Alex" nomme son offre et liste exactement les modules de son offre, par leur nom, tous en service

    Exemples:
      | marque             | offre         |
      | Veilis             | Sérénité 2011 |
      | Veilis Pro         | Pro 2020      |
      | Présence Veilleurs | Senior 2018   |
