# language: fr
@modules @module-recordings
Fonctionnalité: Enregistrements cloud, conservés le temps que prévoit l'offre
  Quand l'offre du client comprend les enregistrements cloud, chaque détection
  d'une caméra est enregistrée : un clip pour les caméras vendues depuis 2014,
  une photo pour les caméras HTTP push de 2011 à 2013. L'enregistrement est
  conservé le nombre de jours que prévoit l'offre, puis supprimé. Une offre
  sans enregistrements n'en conserve aucun.

  @couvre-les-offres
  Plan du scénario: L'offre "<offre>" conserve les clips <jours> jours
    Étant donné un client "Camille" de la marque "<marque>" avec l'offre "<offre>"
    Et une caméra "Vigie 360" installée chez "Camille"
    Quand la caméra de "Camille" détecte un mouvement
    Alors un clip de la détection est enregistré pour "Camille", conservé <jours> jours
    Quand <jours> jours moins une heure s'écoulent pour "Camille"
    Alors l'enregistrement de "Camille" est toujours disponible
    Quand deux heures de plus s'écoulent pour "Camille"
    Alors l'enregistrement de "Camille" a été supprimé

    Exemples: offres vendues depuis la V9
      | offre               | marque             | jours |
      | Sérénité 2011       | Veilis             | 7     |
      | Sérénité Plus 2012  | Veilis             | 14    |
      | Habitat Assuré 2013 | Assur Plus Protect | 14    |
      | Vigilance 2015      | Sécurimax Connect  | 30    |
      | Box Sécurité 2016   | Box Vigilance      | 7     |
      | Pro 2017            | Alpes Sécurité     | 60    |
      | Senior 2018         | Présence Veilleurs | 14    |
      | Essentiel 2019      | Hexaline Maison    | 30    |
      | Intelligence 2019   | Maisonéo Cam       | 30    |
      | Pro 2020            | Veilis Pro         | 90    |
      | Senior Connect 2021 | Présence Veilleurs | 30    |

    @v10
    Exemples: offres de la V10
      | offre                 | marque          | jours |
      | Habitat Total 2022    | Habitat Serein  | 60    |
      | Maison Connectée 2022 | Hexaline Maison | 30    |

    @clients-migres @horloge-de-test @local-only
    Exemples: clients d'avant la migration, sur leur compte migré
      | offre               | marque             | jours |
      | Sérénité 2011       | Veilis Pro         | 7     |
      | Habitat Assuré 2013 | Assur Plus Protect | 14    |
      | Pro 2017            | Alpes Sécurité     | 60    |
      | Senior Connect 2021 | Présence Veilleurs | 30    |

  Scénario: Une caméra HTTP push de 2011 enregistre une photo de chaque détection
    Étant donné un client "Camille" de la marque "Veilis" avec l'offre "Sérénité 2011"
    Et "Camille" installe une caméra "Orion HD"
    Quand la caméra de "Camille" détecte un mouvement
    Alors une photo de la détection est enregistrée pour "Camille", conservée 7 jours

  Scénario: La liste des enregistrements et l'historique montrent chaque détection, de la plus récente à la plus ancienne
    Étant donné un client "Camille" de la marque "Veilis" avec l'offre "Sérénité 2011"
    Et "Camille" installe une caméra "Orion HD"
    Quand la caméra de "Camille" détecte 3 mouvements
    Alors l'historique de "Camille" montre exactement 3 mouvements de sa caméra, du plus récent au plus ancien
    Et l'historique de "Camille", lu par pages de 2, montre d'abord ses 2 évènements les plus récents
    Et la liste des enregistrements de "Camille" montre exactement 3 photos de sa caméra, du plus récent au plus ancien

  @sans-le-module
  Scénario: L'offre "Découverte 2014", sans enregistrements, n'en conserve aucun
    Étant donné un client "Dominique" de la marque "Maisonéo Cam" avec l'offre "Découverte 2014"
    Et une caméra "Vigie 360" installée chez "Dominique"
    Quand la caméra de "Dominique" détecte un mouvement
    Alors "Dominique" reçoit un e-mail d'alerte envoyé au nom de "Maisonéo Cam", depuis "cam@maisoneo.example"
    Et aucun enregistrement n'est conservé pour "Dominique"
