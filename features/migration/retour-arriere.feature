# language: fr
@rollback
Fonctionnalité: Le retour arrière rend la V9 à l'identique
  Si la migration échoue pendant la fenêtre, le retour arrière repart de la
  sauvegarde et doit rendre la V9 exactement comme avant la migration : mêmes
  lignes, mêmes sommes de contrôle, mêmes séquences, aucune donnée V10 restante.

  Contexte:
    Étant donné la base V9 sauvegardée
    Et la migration V10 jouée

  Scénario: Le retour arrière restitue la V9 à l'identique, dans la fenêtre
    Quand le retour arrière est joué
    Alors la base V9 est restituée à l'identique de l'avant-migration
    Et la sauvegarde, la migration, le retour arrière et sa certification tiennent dans la fenêtre de 45 minutes

  @autocontrole
  Scénario: Un retour arrière qui laisse des données V10 est détecté
    Quand le retour arrière est joué en oubliant les tables propres à la V10
    Alors la certification du retour arrière relève les tables V10 restantes, avec leurs lignes
