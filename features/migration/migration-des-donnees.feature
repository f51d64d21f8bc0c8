# language: fr
@migration
Fonctionnalité: La migration des données de la V9 vers la V10 ne perd ni n'altère rien
  Le jour J, les trois bases (comptes, évènements, médias) passent au format V10
  pendant la fenêtre de maintenance de 45 minutes : heures de Paris en UTC,
  durées en millisecondes, codes d'évènement en évènements typés, caméras en
  appareils, offres en abonnements. Chaque client de chaque partenaire doit
  retrouver toutes ses données, et la certification doit le prouver ligne à ligne.

  Contexte:
    Étant donné la base V9 sauvegardée

  Scénario: Aucune donnée n'est perdue ni altérée par la migration
    Quand la migration V10 est jouée
    Alors aucun évènement n'est perdu pour aucun partenaire
    Et aucun évènement n'est perdu pour aucune offre
    Et aucun appareil n'est perdu pour aucun partenaire
    Et aucun enregistrement n'est perdu pour aucun type d'appareil
    Et chaque abonnement garde son offre et ses modules
    Et la certification des données ne relève aucun écart

  Scénario: Chaque table des deux versions est certifiée, données de référence comprises
    Quand la migration V10 est jouée
    Alors chaque table et chaque colonne de la V9 et de la V10 est certifiée ou écartée avec sa raison
    Et les partenaires, marques, offres, modules et modèles de caméra sont repris à l'identique

  Scénario: La migration et sa certification tiennent dans la fenêtre de maintenance
    Quand la migration V10 est jouée
    Alors la migration et sa certification tiennent dans la fenêtre de 45 minutes
