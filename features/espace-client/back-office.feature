# language: fr
@v9 @espace-client @back-office
Fonctionnalité: Le back-office du support client après le redémarrage
  Le support client retrouve un client, son partenaire, son offre, ses modules et
  l'état de ses équipements ; et voit l'état de chaque instance de la plateforme,
  ce qui révèle une instance qui n'a pas redémarré.

  Scénario: Chaque instance est en service sur la version attendue
    Étant donné un agent du support connecté au back-office
    Alors le back-office montre chaque instance de la plateforme en service sur la version attendue

  Scénario: Le support retrouve le contrat d'un client et l'état de sa caméra
    Étant donné un client "Dominique" de la marque "Veilis" avec l'offre "Sérénité 2011"
    Et une caméra "Vigie 360" installée chez "Dominique"
    Quand la caméra de "Dominique" donne signe de vie
    Et un agent du support connecté au back-office
    Alors la fiche du client "Dominique" au back-office montre son partenaire, son offre et ses modules
    Et la fiche du client "Dominique" au back-office montre sa caméra en ligne, avec son dernier signe de vie et son firmware

  @juge-mutation
  Scénario: Un firmware annoncé de plus de 32 caractères n'est pas retenu, le support voit toujours le vrai
    Étant donné un client "Dominique" de la marque "Veilis" avec l'offre "Sérénité 2011"
    Et une caméra "Vigie 360" installée chez "Dominique"
    Quand la caméra de "Dominique" donne signe de vie
    Et la caméra de "Dominique" annonce un firmware de 33 caractères
    Et un agent du support connecté au back-office
    Alors la fiche du client "Dominique" au back-office montre sa caméra en ligne, avec son dernier signe de vie et son firmware
