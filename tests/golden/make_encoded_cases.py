#!/usr/bin/env python3
"""Writes the golden parse cases whose bytes matter: CRLF line ends, UTF-8 with BOM, UTF-16LE with BOM and
Windows-1252. The stories are fictional; their text lives here so that the files can be made again.

Usage: python3 tests/golden/make_encoded_cases.py   (writes into tests/golden/parse/)
Then run the golden tests with STORYBANK_REBASELINE=1 and review the expected JSON.
"""

from pathlib import Path

PARSE_DIR = Path(__file__).resolve().parent / "parse"

# Saved from Word on Windows: CRLF line ends, label<TAB>value rows, the author as "LAST First Function".
CRLF_TOMBOUCTOU = """\
FORMAT DE COLLECTE DES HISTOIRES DE VIE (SUCCESS STORIES)

1. SOMMAIRE

Nom et fonction de l'auteur\tMAÏGA Fatouma Zahra Présidente de l'association Tilwat
Contact de l'auteur\t+223 66 14 25 36 tilwat.tombouctou@example.org
Membre du Consortium\tAlliance Sahel pour la Paix (ASP)
Nom de l'ONG partenaire\tAssociation Tilwat des Femmes de Tombouctou
Localité\tTombouctou

2. DESCRIPTION DU CAS (DE L'HISTOIRE)

Titre : Les manuscrits de la paix lus à voix haute

Introduction – question/problème clé à traiter

Après l'occupation de 2012, les jeunes de Tombouctou ne connaissaient plus l'histoire de tolérance de leur ville. Les prêches radicaux circulaient sur les téléphones plus vite que les récits des anciens.

Description de la solution

Tilwat a organisé des soirées de lecture publique d'extraits de manuscrits anciens consacrés au dialogue et au pardon, traduits en songhaï et en tamasheq, suivies d'un débat animé par un imam et une enseignante.

Changement apporté

Huit soirées ont réuni plus de 900 personnes, dont une majorité de jeunes. Deux grins ont demandé à organiser leurs propres lectures.

« Je ne savais pas que nos ancêtres écrivaient déjà sur la paix entre les peuples. Cela me rend fier » — Alhousseini Touré, élève au lycée Mahamane Alassane Haïdara.

Leçons apprises

Le patrimoine local parle aux jeunes plus que les messages venus d'ailleurs.

Photos

Soirée de lecture publique devant la mosquée de Sankoré
"""

# Saved by a text editor that writes a UTF-8 byte order mark; Burkina Faso; « … » with **Name**, role.
BOM_BOBO = """\
FORMAT DE COLLECTE DES HISTOIRES DE VIE (SUCCESS STORIES)

1. SOMMAIRE

Nom et fonction de l'auteur : Rasmata KABORÉ, chargée de communication
Contact de l'auteur : 70 98 76 54 - rasmata.kabore@example.org
Membre du Consortium : Alliance Sahel pour la Paix (ASP)
Nom de l'ONG partenaire : Association Nakoss-Yam
Localité : Bobo-Dioulasso, Burkina Faso

2. DESCRIPTION DU CAS (DE L'HISTOIRE)

Titre : Le théâtre-forum au secours de la cohabitation à Bobo-Dioulasso

Introduction – question/problème clé à traiter

L'arrivée de familles déplacées du Nord dans les secteurs périphériques de Bobo-Dioulasso a fait naître des préjugés : les nouveaux venus étaient accusés de cacher des terroristes.

Description de la solution

Une troupe de jeunes comédiens, déplacés et natifs, a joué dans quinze quartiers une pièce sur la peur de l'autre, suivie d'un débat où le public rejoue les scènes.

Changement apporté

Des comités de quartier mixtes ont été créés dans six secteurs. « Après la pièce, mon voisin est venu me saluer pour la première fois depuis notre arrivée » **Issa Sawadogo**, déplacé de Djibo installé au secteur 22.

Leçons apprises

Le théâtre permet de dire en public ce qu'on n'ose pas dire en réunion.
"""

# Exported as "Unicode text" by Word: UTF-16LE with BOM, CRLF; Niger, phone without country code.
UTF16_ZINDER = """\
FORMAT DE COLLECTE DES HISTOIRES DE VIE (SUCCESS STORIES)

1. SOMMAIRE

Nom et fonction de l'auteur\tSouleymane Issa MAHAMADOU Superviseur des animateurs
Contact de l'auteur\t96 87 65 43 / s.mahamadou@example.org
Membre du Consortium\tAlliance Sahel pour la Paix (ASP)
Nom de l'ONG partenaire\tONG Damana Zinder
Localité\tZinder, Niger

2. DESCRIPTION DU CAS (DE L'HISTOIRE)

Titre : Des écoles coraniques ouvertes sur la communauté

Introduction – question/problème clé à traiter

À Zinder, les élèves des écoles coraniques, les almajirai, mendient dans les rues et sont souvent rejetés par les habitants. Certains sont tentés par les groupes armés qui opèrent de l'autre côté de la frontière nigériane.

Description de la solution

Damana a réuni les maîtres coraniques, les chefs de quartier et les parents pour ouvrir dix écoles à des cours d'alphabétisation en haoussa et en français, et pour créer des jardins scolaires tenus par les élèves.

Changement apporté

Les élèves des dix écoles ne mendient plus pendant les heures de cours. “Nos élèves apprennent un métier sans quitter le Coran” — Malam Issoufou Abdou, maître coranique du quartier Birni.

Leçons apprises

Rien ne se fait sans l'accord des maîtres coraniques : ils doivent être les premiers consultés.

Photos

Élèves d'une école coranique au jardin scolaire de Birni
"""

# Saved as "ANSI" on an old Windows PC: Windows-1252 bytes (é, è, à, œ, ’, « »), hints left from the form.
CP1252_KIDAL = """\
FORMAT DE COLLECTE DES HISTOIRES DE VIE (SUCCESS STORIES)

1. SOMMAIRE

Nom et fonction de l’auteur : Ag Alhassane Mohamed Ibrahim – Animateur radio
Contact de l’auteur <i>(Tel et email)</i> : 95 44 33 22
Membre du Consortium : Alliance Sahel pour la Paix (ASP)
Nom de l’ONG partenaire : Association Tenere pour le Dialogue
Localité : Kidal

2. DESCRIPTION DU CAS (DE L’HISTOIRE)

Titre : Une radio pour que les bergers se parlent

Introduction – question/problème clé à traiter

Dans la région de Kidal, les bergers des différentes fractions ne se rencontrent plus qu’aux points d’eau, où les disputes éclatent. Les nouvelles circulent de bouche à oreille et les malentendus tournent vite au conflit.

Description de la solution

L’association a installé une petite radio communautaire qui donne chaque soir l’état des pâturages et des puits, en tamasheq et en arabe, et ouvre l’antenne aux chefs de fraction.

Changement apporté

Les éleveurs organisent désormais leurs déplacements pour éviter d’arriver ensemble aux mêmes puits. « Grâce à la radio, on sait où aller sans envoyer un jeune à moto pendant trois jours » (Intalla Ag Mossa, chef de fraction).

Leçons apprises

Une information utile au quotidien crée la confiance qui permet ensuite de parler de paix. Mettre en œuvre avec les chefs de fraction.
"""


def write(name: str, data: bytes) -> None:
    path = PARSE_DIR / name
    path.write_bytes(data)
    print(f"wrote {path.relative_to(PARSE_DIR.parent.parent.parent)} ({len(data)} bytes)")


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def main() -> None:
    write("crlf-tombouctou.txt", crlf(CRLF_TOMBOUCTOU).encode("utf-8"))
    write("utf8-bom-bobo.txt", b"\xef\xbb\xbf" + BOM_BOBO.encode("utf-8"))
    write("utf16le-bom-zinder.txt", b"\xff\xfe" + crlf(UTF16_ZINDER).encode("utf-16-le"))
    write("windows-1252-kidal.txt", crlf(CP1252_KIDAL).encode("cp1252"))


if __name__ == "__main__":
    main()
