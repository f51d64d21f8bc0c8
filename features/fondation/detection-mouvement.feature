# language: fr
@foundation @v9
Fonctionnalité: Une détection de mouvement va de la caméra jusqu'au client
  Une caméra installée chez un client détecte un mouvement : la plateforme
  l'enregistre, l'affiche dans la chronologie de l'espace client de sa marque
  et, si son offre comprend les alertes SMS, prévient le client par SMS au nom
  de sa marque.

  Scénario: Le client voit l'évènement dans son espace client et reçoit un SMS
    Étant donné un client "Camille" de la marque "Veilis" avec l'offre "Sérénité 2011"
    Et une caméra "Vigie 360" installée chez "Camille"
    Quand la caméra de "Camille" détecte un mouvement
    Alors l'évènement apparaît dans la chronologie de l'espace client de "Camille"
    Et "Camille" reçoit un SMS d'alerte envoyé au nom de "VEILIS"

  Scénario: Un client dont l'offre ne comprend pas les alertes SMS n'en reçoit pas
    Étant donné un client "Dominique" de la marque "Assur Plus Protect" avec l'offre "Essentiel 2019"
    Et une caméra "Vigie 360" installée chez "Dominique"
    Quand la caméra de "Dominique" détecte un mouvement
    Alors l'évènement apparaît dans la chronologie de l'espace client de "Dominique"
    Et "Dominique" ne reçoit aucun SMS
