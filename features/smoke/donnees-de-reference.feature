# language: fr
@smoke @v9 @smoke-donnees
Fonctionnalité: Les données des comptes de test désignés ont passé la migration intactes
  Des comptes de test ont des données de référence relevées avant la migration :
  leur offre, des évènements datés (dont un dans la première des deux 02:30 de
  la nuit où Paris recule d'une heure, que l'heure murale de la V9 ne distingue
  pas de la seconde) et des enregistrements. Après le redémarrage, la plateforme
  doit les montrer tous, à la même heure de Paris et de la même durée, et montrer
  ce que ses bases de données contiennent. Ces contrôles ne font que lire.
  En production, les données de référence viennent du fichier des comptes de
  test. En local, le premier passage de la campagne (sur la V9, avant la
  migration) crée chaque compte et son historique, puis chaque passage suivant
  les contrôle.

  Plan du scénario: Les données de référence du compte de test <marque> (<offre>) sont là et justes
    Étant donné le compte de test de la marque "<marque>" avec ses données de référence de l'offre "<offre>"
    Alors la plateforme montre l'offre, les évènements et les enregistrements de référence du compte de test, aux heures de Paris relevées
    Et ce que la plateforme montre du compte de test est ce que contiennent ses bases de données

    Exemples:
      | marque             | offre          |
      | Veilis             | Sérénité 2011  |
      | Assur Plus Protect | Essentiel 2019 |
