# language: fr
@migration @autocontrole
Fonctionnalité: Une migration défectueuse est détectée et localisée à la ligne
  Le harnais doit prouver qu'il trouve ce qu'une migration peut abîmer : des
  évènements perdus, une heure de décalage au changement d'heure, des durées
  tronquées, une offre mal reprise, des données de référence altérées (offres,
  modules, marques, partenaires) ou une colonne oubliée. Chaque écart doit nommer la ligne V9, la
  ligne V10, le champ, la valeur attendue et la valeur obtenue.

  Contexte:
    Étant donné la base V9 sauvegardée

  Scénario: Les évènements perdus d'une offre sont retrouvés un à un
    Quand la migration V10 est jouée en perdant les évènements des clients de l'offre "Senior 2018"
    Alors la certification relève chaque évènement perdu des clients de l'offre "Senior 2018", avec sa clé V9

  Scénario: Une heure de décalage au changement d'heure d'octobre est localisée
    Quand la migration V10 est jouée en lisant l'heure répétée d'octobre comme l'heure d'hiver
    Alors la certification relève les évènements décalés d'une heure, avec l'heure attendue et l'heure obtenue

  Scénario: Des durées d'enregistrement tronquées sont localisées
    Quand la migration V10 est jouée en tronquant à la minute les enregistrements des caméras "Lynx"
    Alors la certification relève les enregistrements à la durée tronquée, avec la durée attendue et la durée obtenue

  Scénario: Une offre mal reprise en abonnement est localisée
    Quand la migration V10 est jouée en donnant aux clients de l'offre "Essentiel 2019" l'offre suivante du catalogue
    Alors la certification relève chaque abonnement de l'offre "Essentiel 2019" passé à une autre offre

  Scénario: Une durée de conservation d'offre altérée par la migration est localisée
    Quand la migration V10 est jouée en divisant par deux la durée de conservation de l'offre "Pro 2017"
    Alors la certification relève la durée de conservation de l'offre "Pro 2017", avec la valeur V9 et la valeur V10

  Scénario: Une marque qui prend l'expéditeur SMS et le téléphone de la marque directe est localisée
    Quand la migration V10 est jouée en donnant à la marque "Maisonéo Cam" l'expéditeur SMS et le téléphone de la marque directe
    Alors la certification relève l'expéditeur SMS et le téléphone de support de la marque "Maisonéo Cam", avec la valeur V9 et la valeur V10

  Scénario: Une colonne V9 oubliée par la migration est localisée sur chaque ligne
    Quand la migration V10 est jouée en laissant le quota d'e-mails des offres à sa valeur par défaut
    Alors la certification relève le quota d'e-mails de chaque offre qui en avait un
