# language: fr
@combinaisons
Fonctionnalité: Chaque combinaison de marque, de compte, de paiement, d'offre et de caméra fonctionne
  Les combinaisons viennent d'un tableau de couverture par paires calculé sur le
  catalogue : chaque paire de valeurs que les règles commerciales permettent
  (une marque et une offre que vend son partenaire, un compte et un moyen de
  paiement qu'elle accepte, une génération de caméra) y figure au moins une fois.
  npm run sync régénère le tableau quand le catalogue change.

  Plan du Scénario: Un client <type de compte> de <marque>, payant par <paiement>, avec l'offre <offre> et une caméra <génération>
    Étant donné un client "Sam" de la marque "<marque>" avec un compte "<type de compte>", payant par "<paiement>", avec l'offre "<offre>"
    Et "Sam" installe une caméra de la génération "<génération>"
    Quand la caméra de "Sam" détecte un mouvement
    Alors le mouvement apparaît dans l'historique de "Sam"
    Et "Sam" reçoit les alertes SMS que prévoit son offre

    # catalogue: combinaisons
    Exemples:
      | marque             | type de compte         | paiement               | offre                 | génération                 |
      | Veilis             | Particulier            | Carte bancaire         | Sérénité 2011         | HTTP push (multipart JPEG) |
      | Veilis             | Professionnel          | Prélèvement SEPA       | Sérénité Plus 2012    | HTTPS/JSON                 |
      | Assur Plus Protect | Géré par le partenaire | Facturation partenaire | Habitat Assuré 2013   | HTTP push (multipart JPEG) |
      | Sécurimax Connect  | Professionnel          | Carte bancaire         | Vigilance 2015        | MQTT 3.1.1                 |
      | Assur Plus Protect | Particulier            | Prélèvement SEPA       | Essentiel 2019        | MQTT 3.1.1                 |
      | Maisonéo Cam       | Particulier            | Essai gratuit          | Intelligence 2019     | HTTPS/JSON                 |
      | Veilis Pro         | Professionnel          | Prélèvement SEPA       | Sérénité 2011         | MQTT 5                     |
      | Habitat Serein     | Géré par le partenaire | Facturation partenaire | Essentiel 2019        | HTTPS/JSON                 |
      | Hexaline Maison    | Particulier            | Carte bancaire         | Box Sécurité 2016     | MQTT 5                     |
      | Hexaline Maison    | Géré par le partenaire | Facturation partenaire | Maison Connectée 2022 | MQTT 3.1.1                 |
      | Alpes Sécurité     | Géré par le partenaire | Facturation partenaire | Vigilance 2015        | MQTT 5                     |
      | Alpes Sécurité     | Professionnel          | Prélèvement SEPA       | Pro 2017              | HTTP push (multipart JPEG) |
      | Box Vigilance      | Particulier            | Essai gratuit          | Maison Connectée 2022 | HTTP push (multipart JPEG) |
      | Présence Veilleurs | Particulier            | Prélèvement SEPA       | Senior 2018           | HTTP push (multipart JPEG) |
      | Assur Plus Protect | Particulier            | Carte bancaire         | Habitat Total 2022    | HTTPS/JSON                 |
      | Présence Veilleurs | Géré par le partenaire | Facturation partenaire | Senior Connect 2021   | HTTPS/JSON                 |
      | Veilis             | Particulier            | Essai gratuit          | Pro 2020              | MQTT 3.1.1                 |
      | Sécurimax Connect  | Professionnel          | Prélèvement SEPA       | Pro 2020              | HTTP push (multipart JPEG) |
      | Maisonéo Cam       | Particulier            | Carte bancaire         | Découverte 2014       | HTTP push (multipart JPEG) |
      | Veilis Pro         | Professionnel          | Carte bancaire         | Essentiel 2019        | HTTP push (multipart JPEG) |
      | Sécurimax Connect  | Particulier            | Carte bancaire         | Pro 2017              | HTTPS/JSON                 |
      | Veilis             | Professionnel          | Prélèvement SEPA       | Découverte 2014       | MQTT 5                     |
      | Veilis Pro         | Professionnel          | Carte bancaire         | Intelligence 2019     | MQTT 3.1.1                 |
      | Veilis Pro         | Professionnel          | Carte bancaire         | Maison Connectée 2022 | HTTPS/JSON                 |
      | Habitat Serein     | Géré par le partenaire | Facturation partenaire | Habitat Total 2022    | HTTP push (multipart JPEG) |
      | Sécurimax Connect  | Professionnel          | Prélèvement SEPA       | Habitat Total 2022    | MQTT 5                     |
      | Alpes Sécurité     | Géré par le partenaire | Facturation partenaire | Pro 2020              | HTTPS/JSON                 |
      | Box Vigilance      | Particulier            | Prélèvement SEPA       | Box Sécurité 2016     | HTTPS/JSON                 |
      | Box Vigilance      | Particulier            | Essai gratuit          | Essentiel 2019        | MQTT 5                     |
      | Veilis             | Particulier            | Prélèvement SEPA       | Vigilance 2015        | HTTP push (multipart JPEG) |
      | Assur Plus Protect | Particulier            | Carte bancaire         | Habitat Assuré 2013   | MQTT 5                     |
      | Veilis             | Particulier            | Prélèvement SEPA       | Intelligence 2019     | HTTP push (multipart JPEG) |
      | Habitat Serein     | Géré par le partenaire | Facturation partenaire | Habitat Assuré 2013   | MQTT 3.1.1                 |
      | Hexaline Maison    | Géré par le partenaire | Facturation partenaire | Box Sécurité 2016     | HTTP push (multipart JPEG) |
      | Veilis             | Particulier            | Essai gratuit          | Habitat Total 2022    | MQTT 3.1.1                 |
      | Veilis             | Particulier            | Prélèvement SEPA       | Maison Connectée 2022 | MQTT 5                     |
      | Alpes Sécurité     | Géré par le partenaire | Facturation partenaire | Pro 2017              | MQTT 3.1.1                 |
      | Veilis Pro         | Professionnel          | Carte bancaire         | Sérénité Plus 2012    | HTTP push (multipart JPEG) |
      | Veilis Pro         | Professionnel          | Carte bancaire         | Pro 2020              | MQTT 5                     |
      | Présence Veilleurs | Géré par le partenaire | Facturation partenaire | Senior 2018           | MQTT 3.1.1                 |
      | Présence Veilleurs | Particulier            | Prélèvement SEPA       | Senior Connect 2021   | MQTT 5                     |
      | Veilis             | Particulier            | Carte bancaire         | Pro 2017              | MQTT 5                     |
      | Veilis Pro         | Professionnel          | Carte bancaire         | Découverte 2014       | HTTPS/JSON                 |
      | Box Vigilance      | Particulier            | Carte bancaire         | Box Sécurité 2016     | MQTT 3.1.1                 |
      | Veilis Pro         | Professionnel          | Carte bancaire         | Vigilance 2015        | HTTPS/JSON                 |
      | Maisonéo Cam       | Particulier            | Carte bancaire         | Découverte 2014       | MQTT 3.1.1                 |
      | Maisonéo Cam       | Particulier            | Carte bancaire         | Intelligence 2019     | MQTT 5                     |
      | Veilis             | Particulier            | Carte bancaire         | Sérénité Plus 2012    | MQTT 3.1.1                 |
      | Hexaline Maison    | Particulier            | Essai gratuit          | Essentiel 2019        | HTTPS/JSON                 |
      | Assur Plus Protect | Particulier            | Prélèvement SEPA       | Habitat Assuré 2013   | HTTPS/JSON                 |
      | Veilis             | Particulier            | Carte bancaire         | Sérénité 2011         | HTTPS/JSON                 |
      | Veilis             | Particulier            | Carte bancaire         | Sérénité 2011         | MQTT 3.1.1                 |
      | Veilis             | Particulier            | Carte bancaire         | Essentiel 2019        | HTTP push (multipart JPEG) |
      | Veilis             | Particulier            | Carte bancaire         | Sérénité Plus 2012    | MQTT 5                     |
      | Veilis Pro         | Professionnel          | Carte bancaire         | Pro 2017              | HTTP push (multipart JPEG) |
      | Présence Veilleurs | Particulier            | Prélèvement SEPA       | Senior 2018           | HTTPS/JSON                 |
      | Veilis Pro         | Professionnel          | Carte bancaire         | Habitat Total 2022    | HTTP push (multipart JPEG) |
      | Présence Veilleurs | Particulier            | Prélèvement SEPA       | Senior 2018           | MQTT 5                     |
      | Alpes Sécurité     | Professionnel          | Prélèvement SEPA       | Habitat Total 2022    | HTTP push (multipart JPEG) |
      | Présence Veilleurs | Particulier            | Prélèvement SEPA       | Senior Connect 2021   | HTTP push (multipart JPEG) |
      | Maisonéo Cam       | Particulier            | Carte bancaire         | Essentiel 2019        | HTTP push (multipart JPEG) |
      | Habitat Serein     | Géré par le partenaire | Facturation partenaire | Habitat Assuré 2013   | MQTT 5                     |
      | Présence Veilleurs | Particulier            | Prélèvement SEPA       | Senior Connect 2021   | MQTT 3.1.1                 |
