# language: fr
@foundation @smoke @v9
Fonctionnalité: Chaque instance de la plateforme est en service
  Après un déploiement, chacune des instances de la plateforme doit répondre,
  sur la version attendue. Une seule instance qui n'a pas redémarré suffit à
  dégrader le service d'une partie des clients.

  Scénario: Chaque instance répond sur la version attendue
    Alors chaque instance de la plateforme répond sur la version attendue
