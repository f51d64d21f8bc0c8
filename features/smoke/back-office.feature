# language: fr
@smoke @v9 @smoke-back-office
Fonctionnalité: Le back-office du support s'affiche après le redémarrage
  Après le redémarrage, le support client doit pouvoir se connecter au
  back-office et y voir l'état de chaque instance de la plateforme. Ce contrôle
  ne fait que lire : en production, il se connecte avec le compte du support
  désigné pour les contrôles (fichier des comptes de test) ; en local, il crée
  son propre agent du support.

  Scénario: Le support se connecte au back-office et y voit chaque instance en service
    Étant donné le support connecté au back-office avec son compte désigné pour les contrôles
    Alors il y voit chaque instance de la plateforme en service sur la version attendue
