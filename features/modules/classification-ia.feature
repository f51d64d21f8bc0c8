# language: fr
@modules @module-ai
Fonctionnalité: Classification IA des détections, selon l'offre et les choix du client
  Quand l'offre comprend la classification IA, chaque mouvement détecté est
  soumis au service de classification : la détection est classée (personne,
  véhicule ou animal, avec un indice de confiance) et le client n'est alerté
  que pour les classes qu'il a choisies. Sans l'IA dans l'offre, aucune
  détection n'est classée et le service de classification n'est jamais appelé.

  @couvre-les-offres
  Plan du scénario: Avec l'offre "<offre>", le client n'est alerté que pour les classes qu'il a choisies
    Étant donné un client "Camille" de la marque "<marque>" avec l'offre "<offre>"
    Et une caméra "Vigie 360" installée chez "Camille"
    Et "Camille" ne veut être alerté que pour les personnes
    Quand la caméra de "Camille" filme un véhicule
    Alors la détection de "Camille" est classée « véhicule » par l'IA
    Et le service de classification reçoit exactement une demande pour la caméra de "Camille"
    Et "Camille" ne reçoit aucune alerte
    Quand la caméra de "Camille" filme une personne
    Alors "Camille" reçoit une alerte « Personne détectée » envoyée au nom de "<expéditeur>"
    Et le centre de télésurveillance reçoit la personne filmée chez "Camille" comme le prévoit son offre

    Exemples: offres vendues depuis la V9
      | offre             | marque       | expéditeur |
      | Intelligence 2019 | Maisonéo Cam | MAISONEO   |
      | Pro 2020          | Veilis Pro   | VEILISPRO  |

    @v10
    Exemples: offres de la V10
      | offre              | marque         | expéditeur |
      | Habitat Total 2022 | Habitat Serein | HABSEREIN  |

    @clients-migres @local-only
    Exemples: clients d'avant la migration, sur leur compte migré
      | offre             | marque       | expéditeur |
      | Intelligence 2019 | Maisonéo Cam | MAISONEO   |
      | Pro 2020          | Veilis Pro   | VEILISPRO  |

  @sans-le-module
  Scénario: Sans l'IA dans l'offre, une détection n'est pas classée et le client est alerté de tout mouvement
    Étant donné un client "Dominique" de la marque "Veilis" avec l'offre "Sérénité Plus 2012"
    Et une caméra "Vigie 360" installée chez "Dominique"
    Quand la caméra de "Dominique" filme une personne
    Alors "Dominique" reçoit une alerte « Mouvement détecté » envoyée au nom de "VEILIS"
    Et la détection de "Dominique" n'est pas classée
    Et la plateforme n'a rien demandé au service de classification pour "Dominique"
    Et "Dominique" ne peut pas choisir de classes d'alerte
