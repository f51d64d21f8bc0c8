# language: fr
@v9 @espace-client @back-office
Fonctionnalité: Le back-office du support client après le redémarrage
  Le support client retrouve un client, son partenaire, son offre, ses modules et
  l'état de ses équipements ; et voit l'état de chaque instance de la plateforme,
  ce qui révèle une instance qui n'a pas redémarré. Un client d'avant la
  migration (nom accentué, inscrit avant 2026, offre d'avant la V10) se retrouve
  comme il était : son nom, son e-mail, son téléphone, son offre et ses appareils.

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

  Plan du scénario: Le support retrouve un client de <marque> par son nom accentué et par son e-mail, et sa fiche montre exactement ce client
    Étant donné un client "Hélène" de la marque "<marque>" avec l'offre "<offre>", dont le nom porte un accent
    Et un agent du support connecté au back-office
    Quand le support cherche "Hélène" par son nom au back-office
    Alors la première page de la recherche montre "Hélène" une seule fois, avec son nom, son e-mail, son téléphone et sa marque, parmi les seuls clients dont le nom contient le sien, par numéro de client croissant
    Et la recherche de l'e-mail de "Hélène" au back-office ne montre que ce client, avec son nom, son e-mail, son téléphone et sa marque
    Quand le support ouvre la fiche de "Hélène" depuis la recherche
    Alors la fiche de "Hélène" montre son nom, son e-mail, son téléphone, sa marque, son partenaire, son offre, son type de compte, ses modules et exactement ses appareils

    Exemples:
      | marque        | offre             |
      | Veilis        | Sérénité 2011     |
      | Box Vigilance | Box Sécurité 2016 |

    @clients-migres
    Exemples: clients d'avant la migration, sur leur compte migré (inscrits de 2011 à 2025, offres d'avant la V10)
      | marque            | offre           |
      | Veilis            | Découverte 2014 |
      | Veilis Pro        | Sérénité 2011   |
      | Sécurimax Connect | Vigilance 2015  |
      | Habitat Serein    | Essentiel 2019  |

  Scénario: La recherche par nom liste les clients par numéro de client croissant, même quand l'ordre alphabétique diffère
    Étant donné un client "Hélène" de la marque "Hexaline Maison" avec l'offre "Essentiel 2019", dont le nom porte un accent
    Et un client "Anne-Hélène" de la marque "Hexaline Maison" avec l'offre "Essentiel 2019", dont le nom porte un accent
    Et un agent du support connecté au back-office
    Quand le support cherche "Hélène" par son nom au back-office
    Alors la première page de la recherche montre "Hélène" une seule fois, avec son nom, son e-mail, son téléphone et sa marque, parmi les seuls clients dont le nom contient le sien, par numéro de client croissant
    Et la première page de la recherche montre "Anne-Hélène" une seule fois, avec son nom, son e-mail, son téléphone et sa marque, parmi les seuls clients dont le nom contient le sien, par numéro de client croissant

  @juge-mutation
  Scénario: Un firmware annoncé de plus de 32 caractères n'est pas retenu, le support voit toujours le vrai
    Étant donné un client "Dominique" de la marque "Veilis" avec l'offre "Sérénité 2011"
    Et une caméra "Vigie 360" installée chez "Dominique"
    Quand la caméra de "Dominique" donne signe de vie
    Et la caméra de "Dominique" annonce un firmware de 33 caractères
    Et un agent du support connecté au back-office
    Alors la fiche du client "Dominique" au back-office montre sa caméra en ligne, avec son dernier signe de vie et son firmware
