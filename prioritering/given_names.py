"""Common Norwegian given names and surnames, for the personal-data guard (prioritering/validators.py).

A word list, not a register: a name that is not here is not recognised (docs/personal-data.md).
Left out on purpose: given names that are also everyday words written with a capital at the start
of a sentence (Dag, Liv, Vår, Bo, Sol, Mai, Ask, Even, Per, Tor, Gro, Siv), so a
sentence such as «Dag- og aktivitetstilbudet …» or «Bo- og omsorgssenteret …» is never a name.
"""

GIVEN_NAMES = frozenset("""
Aase Agnes Agnete Aina Alette Alexandra Alfhild Alida Alma Amalie Amanda Andrea Anette Angelica Anita Anja Ann Anna
Anne Anneli Annette Anniken Aslaug Astrid Aud Audhild Beate Berit Bente Birgit Birgitte Bjørg Borghild Brit Brita
Britt Camilla Caroline Cathrine Cecilie Charlotte Christina Christine Dagny Dagrun Eldbjørg Elin Eline Elisabeth
Elise Ella Ellen Ellinor Emilie Emma Erle Ester Eva Frida Frøydis Gerd Gjertrud Grete Grethe Gudrun Gunhild Gunn
Gunvor Guri Hanna Hanne Hannah Hege Heidi Helene Helga Hilde Hildegunn Ida Inga Inge Inger Ingeborg Ingrid Ingunn
Irene Iselin Jane Janne Jenny Johanne Jorunn Julie Karen Kari Karin Karoline Kirsten Kjersti Klara Kristin Kristine
Laila Lena Lene Lill Lillian Linda Line Linn Lisa Lise Liss Live Magnhild Maja Malin Margit Margrete Margrethe Mari
Maria Marianne Marie Marit Marte Martha Marthe Mathilde May Merete Mette Mia Mona Monica Nina Nora Oda Olaug Olga
Pernille Ragna Ragnhild Randi Rebecca Reidun Rigmor Rita Ronja Rut Ruth Sara Sarah Selma Signe Sigrid Sigrun Silje
Sissel Siri Sofie Sofia Solfrid Solveig Sonja Stine Synnøve Sølvi Tale Tanja Thea Therese Tiril Torill Torild Tove
Trine Turid Tuva Unni Venche Vera Vigdis Vilde Wenche Åse Åshild
Aksel Alexander Alf Anders Andreas Arild Arne Arnfinn Asbjørn Atle Audun Bengt Bernt Birger Bjarne Bjarte Brage
Christian Christoffer Daniel David Egil Einar Eirik Eivind Emil Endre Erik Erlend Erling Espen Finn Frode Fredrik
Geir Gjermund Glenn Gunnar Gustav Haakon Hallvard Halvor Hans Harald Helge Henning Henrik Herman Håkon Håvard Ingvar
Isak Ivar Iver Jakob Jan Jarle Jens Jo Johan Johannes John Jon Jonas Jonny Jostein Jørgen Jørn Kai Karl
Kenneth Kjell Kjetil Knut Kristian Kristoffer Lars Leif Lucas Ludvig Magne Magnus Marius Markus Martin Mathias
Mats Morten Nils Odd Oddbjørn Ola Olav Ole Oliver Oscar Oskar Ove Paul Pål Peder Petter Philip Ragnar Reidar Rolf
Roger Roy Rune Sander Sigurd Simen Sindre Sivert Snorre Stein Steinar Stian Svein Sverre Sondre Terje Theodor
Thomas Thor Thorbjørn Tobias Tom Tomas Tommy Tore Torbjørn Torgeir Tormod Trond Trygve Ulrik Vegard Vetle Vidar
Viggo William Øystein Øyvind Åge Åsmund
Mohammad Mohammed Muhammad Ahmed Ali Hassan Hussein Omar Fatima Aisha Amina Maryam Zainab Piotr Tomasz Jakub
""".split())

SURNAMES = frozenset("""
Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen Karlsen Johnsen Pettersen Eriksen Berg
Haugen Hagen Johannessen Andreassen Jacobsen Dahl Jørgensen Halvorsen Henriksen Lund Sørensen Jakobsen Moen
Gundersen Iversen Strand Solberg Svendsen Eide Knutsen Martinsen Paulsen Bakken Kristoffersen Mathisen Lie
Amundsen Nguyen Rasmussen Lunde Solheim Berge Moe Nygård Bakke Kristensen Fredriksen Holm Lien Hauge Christensen
Andresen Nordmann Ellingsen Evensen Aas Haugland Sandvik Isaksen Thorsen Myhre Berntsen Antonsen Ali Hanssen
Sæther Ahmed Hussain Khan Nordby Tveit Rønning Simonsen Danielsen Jenssen Brekke Eliassen Sivertsen Mikkelsen
Aasen Hovland Løken Dale Fjeld Bjerke Strøm Wold Vik Aune Engen Nielsen Lorentzen Tangen Knudsen Ødegård
""".split())

# Titles written before a surname: «fru Hansen», «herr Olsen».
TITLES = ("fru", "frue", "herr", "hr.", "frk.", "frøken")
