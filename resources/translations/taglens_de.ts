<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AtomicFile</name>
    <message>
        <location filename="../../engine/export/atomicfile.cpp" line="+18"/>
        <source>No output file was given.</source>
        <translation>Es wurde keine Ausgabedatei angegeben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+6"/>
        <location line="+5"/>
        <source>Cannot write %1: %2.</source>
        <translation>%1 kann nicht geschrieben werden: %2.</translation>
    </message>
</context>
<context>
    <name>AuthCommand</name>
    <message>
        <location filename="../../app/cli/authcommand.cpp" line="+37"/>
        <source>Instagram account %1</source>
        <translation>Instagram-Konto %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+192"/>
        <source>No logins are stored.</source>
        <translation>Es sind keine Anmeldungen gespeichert.</translation>
    </message>
    <message>
        <location line="-184"/>
        <source>expired %1</source>
        <translation>abgelaufen am %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>valid until %1</source>
        <translation>gültig bis %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not logged in to Instagram.</source>
        <translation>Nicht bei Instagram angemeldet.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Logged out of Instagram (%1). To also withdraw the app&apos;s access at Meta, remove it under Facebook settings → Business Integrations.</source>
        <translation>Von Instagram abgemeldet (%1). Um der App auch bei Meta den Zugriff zu entziehen, entferne sie in den Facebook-Einstellungen unter Business-Integrationen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+238"/>
        <source>Unknown auth action &quot;%1&quot;; say login, logout or status.</source>
        <translation>Unbekannte Anmeldeaktion „%1“; möglich sind login, logout oder status.</translation>
    </message>
    <message>
        <location line="-233"/>
        <source>--client-id is required for an Instagram login: the App ID of your Meta app.</source>
        <translation>--client-id ist für eine Instagram-Anmeldung nötig: die App-ID deiner Meta-App.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--port must be a port number (the one in the redirect URI you registered).</source>
        <translation>--port muss eine Portnummer sein (die aus der registrierten Weiterleitungs-URI).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The environment variable %1 is empty.</source>
        <translation>Die Umgebungsvariable %1 ist leer.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>App secret of Meta app %1 (not shown): </source>
        <translation>App-Geheimnis der Meta-App %1 (wird nicht angezeigt): </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No app secret was given.</source>
        <translation>Es wurde kein App-Geheimnis angegeben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The Meta app must list exactly %1 under Facebook Login → Settings → Valid OAuth Redirect URIs.</source>
        <translation>Die Meta-App muss genau %1 unter Facebook Login → Einstellungen → Gültige OAuth-Weiterleitungs-URIs aufführen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open this address in a browser to log in with Facebook:</source>
        <translation>Öffne diese Adresse in einem Browser, um dich mit Facebook anzumelden:</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+141"/>
        <source>Could not start a browser; open the address yourself.</source>
        <translation>Es konnte kein Browser gestartet werden; öffne die Adresse selbst.</translation>
    </message>
    <message numerus="yes">
        <location line="-138"/>
        <location line="+142"/>
        <source>Waiting for the browser (up to %n second(s); Ctrl+C cancels)…</source>
        <translation>
            <numerusform>Warte auf den Browser (bis zu %n Sekunde; Strg+C bricht ab)…</numerusform>
            <numerusform>Warte auf den Browser (bis zu %n Sekunden; Strg+C bricht ab)…</numerusform>
        </translation>
    </message>
    <message>
        <location line="-131"/>
        <source>Logged in to Instagram as %1 (account %2, Page “%3”).</source>
        <translation>Bei Instagram angemeldet als %1 (Konto %2, Seite „%3“).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The login is valid until %1; log in again after that.</source>
        <translation>Die Anmeldung ist bis %1 gültig; melde dich danach erneut an.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Log in to a Mastodon or Pixelfed instance, or to Instagram through Facebook Login with your own Meta app, through the browser (the token is kept in the system keychain), list the logins, or log out.

  login    open the instance&apos;s sign-in page and wait for it to come back
  status   list the stored logins
  logout   revoke the token at the instance and forget it</source>
        <translation>Über den Browser bei einer Mastodon- oder Pixelfed-Instanz anmelden oder bei Instagram über Facebook Login mit deiner eigenen Meta-App (das Token wird im Schlüsselbund des Systems aufbewahrt), die Anmeldungen auflisten oder abmelden.

  login    die Anmeldeseite der Instanz öffnen und auf die Rückkehr warten
  status   die gespeicherten Anmeldungen auflisten
  logout   das Token bei der Instanz widerrufen und vergessen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>login, logout or status.</source>
        <translation>login, logout oder status.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mastodon, pixelfed or instagram (default mastodon).</source>
        <translation>mastodon, pixelfed oder instagram (Standard: mastodon).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SOURCE</source>
        <translation>QUELLE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The instance, e.g. https://mastodon.social.</source>
        <translation>Die Instanz, z. B. https://mastodon.social.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only print the sign-in address; do not try to open a browser.</source>
        <translation>Nur die Anmeldeadresse ausgeben; keinen Browser öffnen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For logout: which account (default: all on the instance).</source>
        <translation>Für logout: welches Konto (Standard: alle auf der Instanz).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ACCT</source>
        <translation>KONTO</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How long to wait for the browser, in seconds (default 300).</source>
        <translation>Wie lange auf den Browser gewartet wird, in Sekunden (Standard: 300).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SECONDS</source>
        <translation>SEKUNDEN</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Instagram: the App ID of your Meta app.</source>
        <translation>Instagram: die App-ID deiner Meta-App.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Instagram: read the app secret from this environment variable (otherwise it is asked for on the terminal, or taken from the keychain after the first login).</source>
        <translation>Instagram: das App-Geheimnis aus dieser Umgebungsvariable lesen (sonst wird es im Terminal abgefragt oder nach der ersten Anmeldung aus dem Schlüsselbund genommen).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>VAR</source>
        <translation>VARIABLE</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Instagram: the port of the redirect URI registered in the Meta app, http://localhost:PORT/ (default 8765).</source>
        <translation>Instagram: der Port der in der Meta-App registrierten Weiterleitungs-URI, http://localhost:PORT/ (Standard: 8765).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Instagram logout: also forget the app secret.</source>
        <translation>Instagram-Abmeldung: auch das App-Geheimnis vergessen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Say login, logout or status.</source>
        <translation>Gib login, logout oder status an.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+42"/>
        <source>--timeout must be a number of seconds.</source>
        <translation>--timeout muss eine Anzahl Sekunden sein.</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>--source must be mastodon, pixelfed or instagram.</source>
        <translation>--source muss mastodon, pixelfed oder instagram sein.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>--instance is required for %1.</source>
        <translation>--instance ist für %1 nötig.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open this address in a browser to log in:</source>
        <translation>Öffne diese Adresse in einem Browser, um dich anzumelden:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Logged in to %1 as %2</source>
        <translation>Bei %1 angemeldet als %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Not logged in to %1.</source>
        <translation>Nicht bei %1 angemeldet.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Logged out of %1 (%2).</source>
        <translation>Von %1 abgemeldet (%2).</translation>
    </message>
</context>
<context>
    <name>BackgroundModelDownload</name>
    <message>
        <location filename="../../engine/workflow/backgroundmodeldownload.cpp" line="+68"/>
        <source>The download was cancelled.</source>
        <translation>Der Download wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>BenchCommand</name>
    <message>
        <location filename="../../app/cli/benchcommand.cpp" line="+61"/>
        <source>Measure classification speed on this machine.</source>
        <translation>Die Klassifizierungsgeschwindigkeit auf diesem Rechner messen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Model file (default: the installed one).</source>
        <translation>Modelldatei (Standard: das installierte Modell).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model threads (default: one per core).</source>
        <translation>Modell-Threads (Standard: einer pro Kern).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Images per measurement (default 48).</source>
        <translation>Bilder pro Messung (Standard: 48).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Batch sizes (default 1,4,8,16).</source>
        <translation>Batchgrößen (Standard: 1,4,8,16).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LIST</source>
        <translation>LISTE</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--threads must be a number.</source>
        <translation>--threads muss eine Zahl sein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--images must be a positive number.</source>
        <translation>--images muss eine positive Zahl sein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--batches must list numbers from 1 to 256.</source>
        <translation>--batches muss Zahlen von 1 bis 256 aufzählen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>model: %1 (%2)</source>
        <translation>Modell: %1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>threads: %1</source>
        <translation>Threads: %1</translation>
    </message>
</context>
<context>
    <name>ClassifyCommand</name>
    <message numerus="yes">
        <location filename="../../app/cli/classifycommand.cpp" line="+65"/>
        <source>%1 of %n image(s)</source>
        <translation>
            <numerusform>%1 von %n Bild</numerusform>
            <numerusform>%1 von %n Bildern</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Classify image files with the installed model.</source>
        <translation>Bilddateien mit dem installierten Modell klassifizieren.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Model file: a torchvision Inception-v3 .pth or a TorchScript .pt.</source>
        <translation>Modelldatei: eine torchvision-Inception-v3-.pth oder eine TorchScript-.pt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+17"/>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Labels per image (default 5).</source>
        <translation>Labels pro Bild (Standard: 5).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output: table, csv or json (default table).</source>
        <translation>Ausgabe: table, csv oder json (Standard: table).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Images per forward pass (default 8).</source>
        <translation>Bilder pro Durchlauf des Modells (Standard: 8).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Threads for the model (default: one per core).</source>
        <translation>Threads für das Modell (Standard: einer pro Kern).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Instead of files: classify the images of this project that the model has not labelled yet (a project harvested partly with another model).</source>
        <translation>Statt Dateien: die Bilder dieses Projekts klassifizieren, die das Modell noch nicht beschriftet hat (ein Projekt, das teils mit einem anderen Modell abgerufen wurde).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Image files to classify.</source>
        <translation>Zu klassifizierende Bilddateien.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FILE...</source>
        <translation>DATEI...</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>--top must be a number from 1 to 1000.</source>
        <translation>--top muss eine Zahl von 1 bis 1000 sein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--batch must be a number from 1 to 256.</source>
        <translation>--batch muss eine Zahl von 1 bis 256 sein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--threads must be a number from 0 to 256.</source>
        <translation>--threads muss eine Zahl von 0 bis 256 sein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--format must be table, csv or json.</source>
        <translation>--format muss table, csv oder json sein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name image files or --project, not both.</source>
        <translation>Gib Bilddateien oder --project an, nicht beides.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name at least one image file.</source>
        <translation>Gib mindestens eine Bilddatei an.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Warning: %1 is an untrained test model; its labels are meaningless.</source>
        <translation>Warnung: %1 ist ein untrainiertes Testmodell; seine Labels sind bedeutungslos.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(untrained test model: these labels are meaningless)</source>
        <translation>(untrainiertes Testmodell: diese Labels sind bedeutungslos)</translation>
    </message>
</context>
<context>
    <name>ClassifyRestJob</name>
    <message>
        <location filename="../../engine/workflow/classifyrestjob.cpp" line="+34"/>
        <source>The model has no checksum to file its labels under.</source>
        <translation>Das Modell hat keine Prüfsumme, unter der seine Labels abgelegt werden könnten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The batch size and the labels per image must be at least 1.</source>
        <translation>Batchgröße und Labels pro Bild müssen mindestens 1 sein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not a project file.</source>
        <translation>%1 ist keine Projektdatei.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Classifying was stopped.</source>
        <translation>Das Klassifizieren wurde angehalten.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The model answered for %1 of %2 images.</source>
        <translation>Das Modell hat für %1 von %2 Bildern geantwortet.</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>Classifying was stopped after %n image(s).</source>
        <translation>
            <numerusform>Das Klassifizieren wurde nach %n Bild angehalten.</numerusform>
            <numerusform>Das Klassifizieren wurde nach %n Bildern angehalten.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Every image already has labels of %1.</source>
        <translation>Jedes Bild hat schon Labels von %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Classified %1 of %n image(s) with %2.</source>
        <translation>
            <numerusform>%1 von %n Bild mit %2 klassifiziert.</numerusform>
            <numerusform>%1 von %n Bildern mit %2 klassifiziert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n image(s) could not be read and keep no labels of this model: %1</source>
        <translation>
            <numerusform>%n Bild konnte nicht gelesen werden und bekommt keine Labels dieses Modells: %1</numerusform>
            <numerusform>%n Bilder konnten nicht gelesen werden und bekommen keine Labels dieses Modells: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CliContext</name>
    <message>
        <location filename="../../app/cli/clicontext.cpp" line="+28"/>
        <source>Run &quot;taglens-cli --help&quot; for usage.</source>
        <translation>„taglens-cli --help“ zeigt die Verwendung.</translation>
    </message>
</context>
<context>
    <name>CliMain</name>
    <message>
        <location filename="../../app/cli/main.cpp" line="+27"/>
        <source>Usage: taglens-cli COMMAND [OPTIONS]

What do people show in the pictures they post under a hashtag?

Commands:
  harvest              fetch, classify and store the images under hashtags
  export               write a project as CSV, summary CSV, JSON or GEXF
  classify FILE...     classify image files and print the labels
  model install        download and install the official Inception-v3 weights
  model install --from FILE   install weights already on disk (offline machines)
  model list           list installed models
  model info           show the identity of a model
  bench                measure classification speed
  auth login|logout|status   log in to a Mastodon or Pixelfed instance, or to Instagram
                             (--source instagram --client-id ID); tokens stay in the keychain

Run &quot;taglens-cli COMMAND --help&quot; for a command&apos;s options; --verbose anywhere shows the logs.
</source>
        <translation>Verwendung: taglens-cli BEFEHL [OPTIONEN]

Was zeigen Menschen auf den Bildern, die sie unter einem Hashtag posten?

Befehle:
  harvest              die Bilder unter Hashtags abrufen, klassifizieren und speichern
  export               ein Projekt als CSV, Zusammenfassungs-CSV, JSON oder GEXF schreiben
  classify DATEI...    Bilddateien klassifizieren und die Labels ausgeben
  model install        die offiziellen Inception-v3-Gewichte herunterladen und installieren
  model install --from DATEI  bereits vorhandene Gewichte installieren (Rechner ohne Internet)
  model list           installierte Modelle auflisten
  model info           die Identität eines Modells zeigen
  bench                die Klassifizierungsgeschwindigkeit messen
  auth login|logout|status   bei einer Mastodon- oder Pixelfed-Instanz oder bei Instagram anmelden
                             (--source instagram --client-id ID); Tokens bleiben im Schlüsselbund

„taglens-cli BEFEHL --help“ zeigt die Optionen eines Befehls; --verbose an beliebiger Stelle zeigt die Protokolle.
</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Unbekannter Befehl „%1“.</translation>
    </message>
</context>
<context>
    <name>CredentialLookup</name>
    <message>
        <location filename="../../engine/workflow/credentiallookup.cpp" line="+31"/>
        <source>The stored login for %1 cannot be read, so the harvest runs without it: %2</source>
        <translation>Die gespeicherte Anmeldung für %1 kann nicht gelesen werden, daher läuft der Abruf ohne sie: %2</translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <location filename="../../app/cli/exportcommand.cpp" line="+26"/>
        <source>Write a project&apos;s images, motifs and co-label network to files.</source>
        <translation>Die Bilder, Motive und das Ko-Label-Netzwerk eines Projekts in Dateien schreiben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The project (.taglens).</source>
        <translation>Das Projekt (.taglens).</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <location line="+3"/>
        <location line="+3"/>
        <location line="+3"/>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>One row per media item, every status.</source>
        <translation>Eine Zeile pro Medienelement, jeder Status.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Top-1 motifs per tag with shares.</source>
        <translation>Top-1-Motive pro Tag mit Anteilen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Everything, with the harvest parameters and the model.</source>
        <translation>Alles, mit den Abrufparametern und dem Modell.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A GEXF 1.3 co-label network for Gephi.</source>
        <translation>Ein GEXF-1.3-Ko-Label-Netzwerk für Gephi.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ignore predictions below this score in the summary and the network (default 0).</source>
        <translation>Vorhersagen unter dieser Konfidenz in Zusammenfassung und Netzwerk ignorieren (Standard: 0).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Labels per image (default: all stored).</source>
        <translation>Labels pro Bild (Standard: alle gespeicherten).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--project is required.</source>
        <translation>--project ist erforderlich.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name at least one output: --csv, --summary-csv, --json or --gexf.</source>
        <translation>Gib mindestens eine Ausgabe an: --csv, --summary-csv, --json oder --gexf.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--min-score must be a number from 0 to 1.</source>
        <translation>--min-score muss eine Zahl von 0 bis 1 sein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--top must be a number from 0 to 1000.</source>
        <translation>--top muss eine Zahl von 0 bis 1000 sein.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Note: the predictions come from an untrained test model; their labels are meaningless.</source>
        <translation>Hinweis: Die Vorhersagen stammen von einem untrainierten Testmodell; ihre Labels sind bedeutungslos.</translation>
    </message>
</context>
<context>
    <name>ExportJob</name>
    <message>
        <location filename="../../engine/workflow/exportjob.cpp" line="+40"/>
        <source>The export was stopped.</source>
        <translation>Der Export wurde angehalten.</translation>
    </message>
</context>
<context>
    <name>ExportKinds</name>
    <message>
        <location filename="../../ui/exportkind.cpp" line="+16"/>
        <source>&amp;Images CSV…</source>
        <translation>&amp;Bilder-CSV…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export Images CSV</source>
        <translation>Bilder-CSV exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>&amp;Summary CSV…</source>
        <translation>&amp;Zusammenfassungs-CSV…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export Summary CSV</source>
        <translation>Zusammenfassungs-CSV exportieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;JSON…</source>
        <translation>&amp;JSON…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export JSON</source>
        <translation>JSON exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;GEXF Network…</source>
        <translation>&amp;GEXF-Netzwerk…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export GEXF Network</source>
        <translation>GEXF-Netzwerk exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GEXF files (*.gexf)</source>
        <translation>GEXF-Dateien (*.gexf)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chart as &amp;PNG…</source>
        <translation>Diagramm als &amp;PNG…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export Chart as PNG</source>
        <translation>Diagramm als PNG exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chart as S&amp;VG…</source>
        <translation>Diagramm als S&amp;VG…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export Chart as SVG</source>
        <translation>Diagramm als SVG exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SVG images (*.svg)</source>
        <translation>SVG-Bilder (*.svg)</translation>
    </message>
</context>
<context>
    <name>GraphApiError</name>
    <message>
        <location filename="../../engine/net/graphapierror.cpp" line="+83"/>
        <source> Meta says: “%1”.</source>
        <translation> Meta meldet: „%1“.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Your Instagram login has expired or was revoked; log in again with `taglens-cli auth login --source instagram` (in the desktop app: File ▸ Accounts…).</source>
        <translation>Deine Instagram-Anmeldung ist abgelaufen oder wurde widerrufen; melde dich mit `taglens-cli auth login --source instagram` erneut an (in der Desktop-App: Datei ▸ Konten…).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Meta&apos;s Graph API rate limit was reached (%1). Wait before trying again (usually up to an hour), then run the same command again.</source>
        <translation>Das Ratenlimit der Graph API von Meta ist erreicht (%1). Warte, bevor du es erneut versuchst (meist bis zu einer Stunde), und führe dann denselben Befehl noch einmal aus.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This Instagram account has used up Meta&apos;s budget of 30 different hashtags per rolling 7 days (%1). A new hashtag can be searched once the oldest one searched is 7 days old; tags searched in the last 7 days still work.</source>
        <translation>Dieses Instagram-Konto hat das Kontingent von Meta von 30 verschiedenen Hashtags in gleitenden 7 Tagen aufgebraucht (%1). Ein neuer Hashtag kann gesucht werden, sobald der älteste gesuchte 7 Tage alt ist; in den letzten 7 Tagen gesuchte Tags funktionieren weiterhin.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Meta refused the request for lack of permission (%1).%2 Hashtag search needs the instagram_basic permission and the Instagram Public Content Access feature, which Meta grants through App Review.</source>
        <translation>Meta hat die Anfrage mangels Berechtigung abgelehnt (%1).%2 Die Hashtag-Suche braucht die Berechtigung instagram_basic und die Funktion Instagram Public Content Access, die Meta über die App-Prüfung gewährt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The Graph API says the object does not exist or cannot be read with this login (%1).%2</source>
        <translation>Laut Graph API existiert das Objekt nicht oder kann mit dieser Anmeldung nicht gelesen werden (%1).%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The Graph API refused a parameter (%1).%2 An unknown, sensitive or blocked hashtag gives this error too.</source>
        <translation>Die Graph API hat einen Parameter abgelehnt (%1).%2 Ein unbekannter, heikler oder gesperrter Hashtag führt ebenfalls zu diesem Fehler.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Meta&apos;s Graph API has a temporary problem (%1).%2 Try again later.</source>
        <translation>Die Graph API von Meta hat ein vorübergehendes Problem (%1).%2 Versuche es später erneut.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The Graph API refused the request: %1 (%2)</source>
        <translation>Die Graph API hat die Anfrage abgelehnt: %1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no message</source>
        <translation>keine Meldung</translation>
    </message>
</context>
<context>
    <name>HarvestCommand</name>
    <message>
        <location filename="../../app/cli/harvestcommand.cpp" line="+48"/>
        <source>Fetch the images posted under hashtags, classify them and store them in a project. Running it again resumes.</source>
        <translation>Die unter Hashtags geposteten Bilder abrufen, klassifizieren und in einem Projekt speichern. Ein erneuter Aufruf setzt fort.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>mastodon, pixelfed, instagram or local.</source>
        <translation>mastodon, pixelfed, instagram oder local.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SOURCE</source>
        <translation>QUELLE</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A hashtag (repeat for several). For local sources: the collection&apos;s name.</source>
        <translation>Ein Hashtag (für mehrere wiederholen). Bei lokalen Quellen: der Name der Sammlung.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TAG</source>
        <translation>TAG</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The instance, e.g. https://mastodon.social.</source>
        <translation>Die Instanz, z. B. https://mastodon.social.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A folder or file for --source local (repeatable).</source>
        <translation>Ein Ordner oder eine Datei für --source local (wiederholbar).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Classified images per tag (default 200).</source>
        <translation>Klassifizierte Bilder pro Tag (Standard: 200).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+20"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>The project file (.taglens).</source>
        <translation>Die Projektdatei (.taglens).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model file (default: the installed one).</source>
        <translation>Modelldatei (Standard: das installierte Modell).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Labels stored per image (default 5).</source>
        <translation>Gespeicherte Labels pro Bild (Standard: 5).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read an access token from this environment variable.</source>
        <translation>Ein Zugriffstoken aus dieser Umgebungsvariable lesen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAR</source>
        <translation>VARIABLE</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Instagram: recent (the last 24 hours, default) or top media.</source>
        <translation>Instagram: recent (die letzten 24 Stunden, Standard) oder top (beliebteste Medien).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EDGE</source>
        <translation>KANTE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model threads (default: one per core).</source>
        <translation>Modell-Threads (Standard: einer pro Kern).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>--source must be mastodon, pixelfed, instagram or local.</source>
        <translation>--source muss mastodon, pixelfed, instagram oder local sein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--project is required.</source>
        <translation>--project ist erforderlich.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--limit must be a positive number.</source>
        <translation>--limit muss eine positive Zahl sein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--top must be a number from 1 to 1000.</source>
        <translation>--top muss eine Zahl von 1 bis 1000 sein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--threads must be a number from 0 to 256.</source>
        <translation>--threads muss eine Zahl von 0 bis 256 sein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--instance is required for %1.</source>
        <translation>--instance ist für %1 nötig.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--source local needs --path.</source>
        <translation>--source local braucht --path.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The environment variable %1 is empty.</source>
        <translation>Die Umgebungsvariable %1 ist leer.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Instagram hashtag budget of %1: %2 of %3 unique hashtags left in the rolling 7 days.</source>
        <translation>Instagram-Hashtag-Kontingent von %1: %2 von %3 verschiedenen Hashtags in den gleitenden 7 Tagen übrig.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Instagram&apos;s recent media cover the last 24 hours only; harvest again to follow a tag.</source>
        <translation>Die neuesten Medien von Instagram umfassen nur die letzten 24 Stunden; rufe erneut ab, um einem Tag zu folgen.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Warning: %1 is an untrained test model; its labels are meaningless.</source>
        <translation>Warnung: %1 ist ein untrainiertes Testmodell; seine Labels sind bedeutungslos.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Stopping; what is done is kept, running the same command again resumes.</source>
        <translation>Wird angehalten; Erledigtes bleibt erhalten, derselbe Befehl setzt fort.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>#%1: %2 images ok, %3 skipped, %4 failed, %5 posts</source>
        <translation>#%1: %2 Bilder ok, %3 übersprungen, %4 fehlgeschlagen, %5 Beiträge</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Instagram hashtag budget: %1 of %2 left.</source>
        <translation>Instagram-Hashtag-Kontingent: %1 von %2 übrig.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Harvest interrupted; run the same command again to resume.</source>
        <translation>Abruf unterbrochen; führe denselben Befehl erneut aus, um fortzusetzen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Some tags could not be harvested (see above).</source>
        <translation>Einige Tags konnten nicht abgerufen werden (siehe oben).</translation>
    </message>
</context>
<context>
    <name>HarvestPlanner</name>
    <message>
        <location filename="../../engine/workflow/harvestplanner.cpp" line="+39"/>
        <source>Name at least one hashtag.</source>
        <translation>Gib mindestens einen Hashtag an.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Images from folders or addresses go into one collection: name at most one.</source>
        <translation>Bilder aus Ordnern oder Adressen kommen in eine Sammlung: Gib höchstens eine an.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Name a folder or an image file.</source>
        <translation>Gib einen Ordner oder eine Bilddatei an.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No image address was given.</source>
        <translation>Es wurde keine Bildadresse angegeben.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>None of the %n address(es) can be fetched.</source>
        <translation>
            <numerusform>Die %n Adresse kann nicht abgerufen werden.</numerusform>
            <numerusform>Keine der %n Adressen kann abgerufen werden.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The limit must be a number from 1 to %1.</source>
        <translation>Die Grenze muss eine Zahl von 1 bis %1 sein.</translation>
    </message>
</context>
<context>
    <name>HashtagLedger</name>
    <message>
        <location filename="../../engine/sources/hashtagledger.cpp" line="+61"/>
        <source>The hashtag ledger in %1 cannot be used: %2</source>
        <translation>Das Hashtag-Verzeichnis in %1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 is a folder, not a database.</source>
        <translation>%1 ist ein Ordner, keine Datenbank.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Qt&apos;s SQLite driver is not installed (the QSQLITE plugin).</source>
        <translation>Der SQLite-Treiber von Qt ist nicht installiert (das Plugin QSQLITE).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Instagram allows %1 different hashtags per 7 days for this account; %2 are used, so these new tags are over the budget: #%3.</source>
        <translation>Instagram erlaubt diesem Konto %1 verschiedene Hashtags in 7 Tagen; %2 sind verbraucht, daher überschreiten diese neuen Tags das Kontingent: #%3.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The next place frees up on %1 (when #%2 is 7 days old).</source>
        <translation>Der nächste Platz wird am %1 frei (wenn #%2 7 Tage alt ist).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All %1 fit from %2 on.</source>
        <translation>Ab %2 passen alle %1.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The hashtag ledger needs an account and a tag.</source>
        <translation>Das Hashtag-Verzeichnis braucht ein Konto und einen Tag.</translation>
    </message>
</context>
<context>
    <name>ImageDecoder</name>
    <message>
        <location filename="../../engine/imaging/imagedecoder.cpp" line="+158"/>
        <source>it looks like a web page or other markup</source>
        <translation>es sieht nach einer Webseite oder anderem Markup aus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it looks like text</source>
        <translation>es sieht nach Text aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it starts with the bytes %1</source>
        <translation>es beginnt mit den Bytes %1</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>%1 is empty, so it is not an image.</source>
        <extracomment>%1 is &quot;The file “…”&quot; or &quot;The image data&quot;</extracomment>
        <translation>%1 ist leer und daher kein Bild.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+109"/>
        <source>%1 is %2; images larger than %3 are refused.</source>
        <translation>%1 ist %2 groß; Bilder über %3 werden abgelehnt.</translation>
    </message>
    <message>
        <location line="-93"/>
        <source>%1 is not an image in a format TagLens can read (%2).</source>
        <translation>%1 ist kein Bild in einem Format, das TagLens lesen kann (%2).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is in the %2 format; TagLens only decodes JPEG, PNG, GIF, WebP and BMP images.</source>
        <translation>%1 ist im Format %2; TagLens dekodiert nur JPEG-, PNG-, GIF-, WebP- und BMP-Bilder.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 looks like a %2 image, but its header cannot be read; it is probably cut off or corrupt.</source>
        <translation>%1 sieht wie ein %2-Bild aus, aber sein Header ist nicht lesbar; es ist wahrscheinlich abgeschnitten oder beschädigt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is a %2 image of %3 × %4 pixels; images wider or taller than %5 pixels are refused.</source>
        <translation>%1 ist ein %2-Bild mit %3 × %4 Pixeln; Bilder, die breiter oder höher als %5 Pixel sind, werden abgelehnt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is a %2 image of %3 × %4 = %5 pixels; images with more than %6 pixels are refused.</source>
        <translation>%1 ist ein %2-Bild mit %3 × %4 = %5 Pixeln; Bilder mit mehr als %6 Pixeln werden abgelehnt.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is a %2 image that ends too early, after %3; it was probably cut off while downloading or copying.</source>
        <translation>%1 ist ein %2-Bild, das zu früh endet, nach %3; es wurde wahrscheinlich beim Herunterladen oder Kopieren abgeschnitten.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is a %2 image that cannot be decoded (%3); it is probably corrupt.</source>
        <translation>%1 ist ein %2-Bild, das nicht dekodiert werden kann (%3); es ist wahrscheinlich beschädigt.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is a %2 image of %3 × %4 pixels, and there is not enough memory to convert it.</source>
        <translation>%1 ist ein %2-Bild mit %3 × %4 Pixeln, und es ist nicht genug Speicher da, um es umzuwandeln.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The image data</source>
        <translation>Die Bilddaten</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The file “%1” does not exist.</source>
        <translation>Die Datei „%1“ existiert nicht.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” is not a regular file, so it cannot be read as an image.</source>
        <translation>„%1“ ist keine reguläre Datei und kann daher nicht als Bild gelesen werden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file “%1”</source>
        <translation>Die Datei „%1“</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+6"/>
        <source>The file “%1” cannot be read: %2.</source>
        <translation>Die Datei „%1“ kann nicht gelesen werden: %2.</translation>
    </message>
</context>
<context>
    <name>InceptionV3Builder</name>
    <message>
        <location filename="../../engine/inference/torch/inceptionv3builder.cpp" line="+195"/>
        <source>The weights file %1 does not exist.</source>
        <translation>Die Gewichtsdatei %1 existiert nicht.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is not a PyTorch state_dict file (it has no data.pkl).</source>
        <translation>%1 ist keine PyTorch-state_dict-Datei (sie enthält keine data.pkl).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot read the weights file %1</source>
        <translation>Die Gewichtsdatei %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 has no tensor &quot;%2&quot;: it is not a torchvision Inception-v3 state_dict.</source>
        <translation>%1 hat keinen Tensor „%2“: es ist kein torchvision-Inception-v3-state_dict.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: tensor &quot;%2&quot; has %3 dimensions, expected %4.</source>
        <translation>%1: Tensor „%2“ hat %3 Dimensionen, erwartet waren %4.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1: tensor &quot;%2&quot; is malformed.</source>
        <translation>%1: Tensor „%2“ ist fehlerhaft.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: tensor &quot;%2&quot; points outside its storage.</source>
        <translation>%1: Tensor „%2“ zeigt über seinen Speicher hinaus.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: the storage of &quot;%2&quot; has %3 bytes, expected %4.</source>
        <translation>%1: Der Speicher von „%2“ hat %3 Bytes, erwartet waren %4.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: cannot read tensor &quot;%2&quot;</source>
        <translation>%1: Tensor „%2“ kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The batch-norm of %1 does not match its convolution.</source>
        <translation>Die Batch-Normalisierung von %1 passt nicht zu ihrer Faltung.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>The final layer&apos;s weight and bias do not match.</source>
        <translation>Gewichte und Bias der letzten Schicht passen nicht zusammen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot build Inception-v3 from %1</source>
        <translation>Inception-v3 kann nicht aus %1 gebaut werden</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Inception-v3 (ImageNet-1k, torchvision IMAGENET1K_V1)</source>
        <translation>Inception-v3 (ImageNet-1k, torchvision IMAGENET1K_V1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inception-v3 (%1)</source>
        <translation>Inception-v3 (%1)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>InstagramMediaParser</name>
    <message>
        <location filename="../../engine/sources/instagrammediaparser.cpp" line="+92"/>
        <source>Instagram gives no media URL for this post (copyrighted audio or downloads turned off)</source>
        <translation>Instagram liefert für diesen Beitrag keine Medien-URL (urheberrechtlich geschütztes Audio oder Downloads abgeschaltet)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The hashtag search for #%1 answered something that is not a JSON object.</source>
        <translation>Die Hashtag-Suche nach #%1 hat etwas geantwortet, das kein JSON-Objekt ist.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The hashtag search for #%1 answered without a data list.</source>
        <translation>Die Hashtag-Suche nach #%1 hat ohne Datenliste geantwortet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Instagram knows no hashtag #%1.</source>
        <translation>Instagram kennt keinen Hashtag #%1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The hashtag search for #%1 answered without a usable hashtag id.</source>
        <translation>Die Hashtag-Suche nach #%1 hat ohne brauchbare Hashtag-ID geantwortet.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A page of %1 is not valid JSON (%2 at byte %3).</source>
        <translation>Eine Seite von %1 ist kein gültiges JSON (%2 bei Byte %3).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A page of %1 is not a JSON object.</source>
        <translation>Eine Seite von %1 ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A page of %1 has no data list.</source>
        <translation>Eine Seite von %1 hat keine Datenliste.</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Instagram album %1 came without its pictures.</source>
        <translation>Das Instagram-Album %1 kam ohne seine Bilder.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Instagram album %1 has %2 items; only the first %3 were read.</source>
        <translation>Das Instagram-Album %1 hat %2 Elemente; nur die ersten %3 wurden gelesen.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the media entry is not an object</source>
        <translation>der Medieneintrag ist kein Objekt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the media entry has no usable id</source>
        <translation>der Medieneintrag hat keine brauchbare ID</translation>
    </message>
</context>
<context>
    <name>JpegDecoder</name>
    <message>
        <location filename="../../engine/imaging/jpegdecoder.cpp" line="+102"/>
        <source>Decoding straight to RGB32 needs a little-endian CPU.</source>
        <translation>Das direkte Dekodieren nach RGB32 braucht eine Little-Endian-CPU.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The JPEG has no size.</source>
        <translation>Das JPEG hat keine Größe.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is not enough memory for a JPEG of %1 × %2 pixels.</source>
        <translation>Es ist nicht genug Speicher für ein JPEG mit %1 × %2 Pixeln da.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The JPEG is neither a colour (YCbCr, RGB) nor a grey image.</source>
        <translation>Das JPEG ist weder ein Farbbild (YCbCr, RGB) noch ein Graustufenbild.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The JPEG decodes to another size than its header says.</source>
        <translation>Das JPEG ergibt beim Dekodieren eine andere Größe, als sein Header angibt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>libjpeg cannot decode the JPEG: %1</source>
        <translation>libjpeg kann das JPEG nicht dekodieren: %1</translation>
    </message>
</context>
<context>
    <name>MastodonStatusParser</name>
    <message>
        <location filename="../../engine/sources/mastodonstatusparser.cpp" line="+72"/>
        <source>The server&apos;s answer for %1 is not valid JSON (%2 at byte %3).</source>
        <translation>Die Antwort des Servers für %1 ist kein gültiges JSON (%2 bei Byte %3).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> It says: “%1”</source>
        <translation> Er meldet: „%1“</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server&apos;s answer for %1 is not a list of posts.%2</source>
        <translation>Die Antwort des Servers für %1 ist keine Liste von Beiträgen.%2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>a status that is not a JSON object</source>
        <translation>ein Status, der kein JSON-Objekt ist</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>a status without an id</source>
        <translation>ein Status ohne ID</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>status %1 has %2 attachments; only the first %3 are read</source>
        <translation>Status %1 hat %2 Anhänge; nur die ersten %3 werden gelesen</translation>
    </message>
</context>
<context>
    <name>MetadataFiles</name>
    <message>
        <location filename="../../engine/inference/torch/metadatafiles.cpp" line="+45"/>
        <source>The built-in ImageNet class list is missing.</source>
        <translation>Die eingebaute ImageNet-Klassenliste fehlt.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The label list has an empty or overlong line %1.</source>
        <translation>Die Label-Liste hat eine leere oder überlange Zeile %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The label list is too long.</source>
        <translation>Die Label-Liste ist zu lang.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The label list is empty.</source>
        <translation>Die Label-Liste ist leer.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The model metadata is not a JSON object: %1</source>
        <translation>Die Modell-Metadaten sind kein JSON-Objekt: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The model metadata has an invalid &quot;%1&quot;.</source>
        <translation>Die Modell-Metadaten enthalten ein ungültiges „%1“.</translation>
    </message>
</context>
<context>
    <name>ModelCommand</name>
    <message>
        <location filename="../../app/cli/modelcommand.cpp" line="+40"/>
        <source>Install the official torchvision Inception-v3 ImageNet weights (about %1).</source>
        <translation>Die offiziellen torchvision-Inception-v3-ImageNet-Gewichte installieren (etwa %1).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Install weights already on disk instead of downloading them.</source>
        <translation>Bereits vorhandene Gewichte installieren, statt sie herunterzuladen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Download from this address instead.</source>
        <translation>Stattdessen von dieser Adresse herunterladen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Downloading %1</source>
        <translation>%1 wird heruntergeladen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 of %2, %3/s</source>
        <translation>%1 von %2, %3/s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown size</source>
        <translation>unbekannte Größe</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Converting %1 to an optimisable TorchScript model…</source>
        <translation>%1 wird in ein optimierbares TorchScript-Modell umgewandelt…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Installed %1 (the official model)</source>
        <translation>%1 installiert (das offizielle Modell)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installed %1 (a custom model)</source>
        <translation>%1 installiert (ein eigenes Modell)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Show what a model is: its name, file, checksum and labels.</source>
        <translation>Zeigen, was ein Modell ist: Name, Datei, Prüfsumme und Labels.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Model file (default: the installed one).</source>
        <translation>Modelldatei (Standard: das installierte Modell).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>name:          %1</source>
        <translation>Name:          %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file:          %1</source>
        <translation>Datei:         %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>format:        %1</source>
        <translation>Format:        %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>architecture:  %1</source>
        <translation>Architektur:   %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sha256:        %1</source>
        <translation>sha256:        %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>weights from:  sha256 %1</source>
        <translation>Gewichte aus:  sha256 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trained:       %1</source>
        <translation>trainiert:     %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NO — a random-weight test model; labels are meaningless</source>
        <translation>NEIN — ein Testmodell mit Zufallsgewichten; die Labels sind bedeutungslos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>classes:       %1 (%2, %3, …)</source>
        <translation>Klassen:       %1 (%2, %3, …)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>input:         Resize(%1) → CenterCrop(%2), mean %3 %4 %5, std %6 %7 %8</source>
        <translation>Eingabe:       Resize(%1) → CenterCrop(%2), Mittelwert %3 %4 %5, Std.-Abw. %6 %7 %8</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>embedding:     %1</source>
        <translation>Embedding:     %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Usage: taglens-cli model install [--from FILE] [--url URL]
       taglens-cli model list
       taglens-cli model info [--model PATH]
</source>
        <translation>Verwendung: taglens-cli model install [--from DATEI] [--url URL]
            taglens-cli model list
            taglens-cli model info [--model PFAD]
</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown model command &quot;%1&quot;.</source>
        <translation>Unbekannter Modellbefehl „%1“.</translation>
    </message>
</context>
<context>
    <name>ModelInstall</name>
    <message>
        <location filename="../../engine/workflow/modelinstall.cpp" line="+28"/>
        <source>Cannot copy %1 to %2.</source>
        <translation>%1 kann nicht nach %2 kopiert werden.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The model file %1 does not exist.</source>
        <translation>Die Modelldatei %1 existiert nicht.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is empty or cut short: it is no model.</source>
        <translation>%1 ist leer oder abgeschnitten: Das ist kein Modell.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not a PyTorch model: neither saved weights (.pth) nor a TorchScript file (.pt).</source>
        <translation>%1 ist kein PyTorch-Modell: weder gespeicherte Gewichte (.pth) noch eine TorchScript-Datei (.pt).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is a zip archive but not a PyTorch model.</source>
        <translation>%1 ist ein ZIP-Archiv, aber kein PyTorch-Modell.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>%1 is not the address of a file.</source>
        <translation>%1 ist nicht die Adresse einer Datei.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 does not name its checksum (as torchvision&apos;s NAME-0123abcd.pth do), so the download could not be verified.</source>
        <translation>%1 nennt keine Prüfsumme (wie es torchvisions NAME-0123abcd.pth tun), daher könnte der Download nicht geprüft werden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot create the model folder %1.</source>
        <translation>Der Modellordner %1 kann nicht angelegt werden.</translation>
    </message>
</context>
<context>
    <name>ModelStore</name>
    <message>
        <location filename="../../engine/models/modelstore.cpp" line="+79"/>
        <location line="+26"/>
        <source>No converter was given to install the model.</source>
        <translation>Zum Installieren des Modells wurde kein Konverter angegeben.</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>“%1” is not a SHA-256 digest or the start of one.</source>
        <translation>„%1“ ist kein SHA-256-Hashwert und auch nicht dessen Anfang.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+25"/>
        <source>The model file %1 does not exist.</source>
        <translation>Die Modelldatei %1 existiert nicht.</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>%1 is not the expected file: its SHA-256 is %2, expected one that begins with %3.</source>
        <translation>%1 ist nicht die erwartete Datei: Ihr SHA-256 ist %2, erwartet war einer, der mit %3 beginnt.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>“%1” is not a plain file name.</source>
        <translation>„%1“ ist kein einfacher Dateiname.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot create the model folder %1.</source>
        <translation>Der Modellordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Converting %1 produced no model file.</source>
        <translation>Die Umwandlung von %1 hat keine Modelldatei ergeben.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot move %1 to %2: %3</source>
        <translation>%1 kann nicht nach %2 verschoben werden: %3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No model is installed at %1. Install the official Inception-v3 weights (about %2) with &quot;taglens-cli model install&quot;; on a machine without internet, download %3 elsewhere and run &quot;taglens-cli model install --from FILE&quot;. Or pass --model PATH to use another model file.</source>
        <translation>In %1 ist kein Modell installiert. Installiere die offiziellen Inception-v3-Gewichte (etwa %2) mit „taglens-cli model install“; auf einem Rechner ohne Internet lade %3 anderswo herunter und führe „taglens-cli model install --from DATEI“ aus. Oder gib mit --model PFAD eine andere Modelldatei an.</translation>
    </message>
</context>
<context>
    <name>PostSourceFactory</name>
    <message>
        <location filename="../../engine/sources/postsourcefactory.cpp" line="+21"/>
        <source>No folder or file was given.</source>
        <translation>Es wurde kein Ordner und keine Datei angegeben.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No image address was given.</source>
        <translation>Es wurde keine Bildadresse angegeben.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>SourceSpec of an unhandled kind %1</source>
        <translation>SourceSpec einer unbehandelten Art %1</translation>
    </message>
</context>
<context>
    <name>PreparedMedia</name>
    <message>
        <location filename="../../engine/pipeline/preparedmedia.cpp" line="+50"/>
        <source>The file %1 no longer exists.</source>
        <translation>Die Datei %1 existiert nicht mehr.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file %1 is too large (%2 bytes).</source>
        <translation>Die Datei %1 ist zu groß (%2 Bytes).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>ProgressText</name>
    <message>
        <location filename="../../engine/workflow/progresstext.cpp" line="+19"/>
        <source>The connection was refused.</source>
        <translation>Die Verbindung wurde abgelehnt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The connection was lost.</source>
        <translation>Die Verbindung ist abgebrochen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No data arrived in time.</source>
        <translation>Es kamen rechtzeitig keine Daten an.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server answered HTTP %1.</source>
        <translation>Der Server antwortete mit HTTP %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server asks to wait.</source>
        <translation>Der Server bittet zu warten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A network problem.</source>
        <translation>Ein Netzwerkproblem.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>#%1 (%2 of %3): %4</source>
        <translation>#%1 (%2 von %3): %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>#%1 (%2 of %3): %4 classified, %5 skipped, %6 failed, %7 posts · %8 images/s · ETA %9</source>
        <translation>#%1 (%2 von %3): %4 klassifiziert, %5 übersprungen, %6 fehlgeschlagen, %7 Beiträge · %8 Bilder/s · noch %9</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 Retrying (%2 of %3) in %4…</source>
        <translation>%1 Neuer Versuch (%2 von %3) in %4…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 has no posts on this instance.</source>
        <translation>%1 hat auf dieser Instanz keine Beiträge.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has no posts on Instagram.</source>
        <translation>%1 hat auf Instagram keine Beiträge.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 has nothing to harvest.</source>
        <translation>%1 enthält nichts zum Abrufen.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1 has %n post(s), none with a still image.</source>
        <translation>
            <numerusform>%1 hat %n Beitrag, keinen mit einem Standbild.</numerusform>
            <numerusform>%1 hat %n Beiträge, keinen mit einem Standbild.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Harvest finished: %n image(s) classified.</source>
        <translation>
            <numerusform>Abruf fertig: %n Bild klassifiziert.</numerusform>
            <numerusform>Abruf fertig: %n Bilder klassifiziert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Harvest incomplete: %n image(s) classified; %1 of %2 tags could not be harvested.</source>
        <translation>
            <numerusform>Abruf unvollständig: %n Bild klassifiziert; %1 von %2 Tags konnten nicht abgerufen werden.</numerusform>
            <numerusform>Abruf unvollständig: %n Bilder klassifiziert; %1 von %2 Tags konnten nicht abgerufen werden.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Harvest failed: the source could not be reached.</source>
        <translation>Abruf fehlgeschlagen: Die Quelle war nicht erreichbar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Harvest failed: no tag could be harvested.</source>
        <translation>Abruf fehlgeschlagen: Kein Tag konnte abgerufen werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Harvest stopped; starting it again resumes.</source>
        <translation>Abruf angehalten; ein erneuter Start setzt fort.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The model could not be loaded: %1</source>
        <translation>Das Modell konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The project could not be written: %1</source>
        <translation>Das Projekt konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Harvest failed.</source>
        <translation>Abruf fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>ProjectStore</name>
    <message>
        <location filename="../../engine/store/projectstore.cpp" line="+112"/>
        <source>&quot;%1&quot; is not a SHA-256 (64 lower-case hex digits).</source>
        <translation>„%1“ ist kein SHA-256 (64 Hexadezimalziffern in Kleinbuchstaben).</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1 is not a TagLens project (not an SQLite database).</source>
        <translation>%1 ist kein TagLens-Projekt (keine SQLite-Datenbank).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2: the disk is full.</source>
        <translation>%1: %2: Der Datenträger ist voll.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2: the project is open read-only.</source>
        <translation>%1: %2: Das Projekt ist schreibgeschützt geöffnet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2: another program is writing to the project.</source>
        <translation>%1: %2: Ein anderes Programm schreibt gerade in das Projekt.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>cannot read the project</source>
        <translation>das Projekt kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 is an SQLite database, but not a TagLens project.</source>
        <translation>%1 ist eine SQLite-Datenbank, aber kein TagLens-Projekt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot configure the connection</source>
        <translation>die Verbindung kann nicht eingerichtet werden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is empty, not a TagLens project.</source>
        <translation>%1 ist leer, kein TagLens-Projekt.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>cannot update the project format</source>
        <translation>das Projektformat kann nicht aktualisiert werden</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>No project file was given.</source>
        <translation>Es wurde keine Projektdatei angegeben.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is a folder, not a project file.</source>
        <translation>%1 ist ein Ordner, keine Projektdatei.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The folder for %1 does not exist.</source>
        <translation>Der Ordner für %1 existiert nicht.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Qt&apos;s SQLite driver is not installed (the QSQLITE plugin).</source>
        <translation>Der SQLite-Treiber von Qt ist nicht installiert (das Plugin QSQLITE).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot open %1: %2.</source>
        <translation>%1 kann nicht geöffnet werden: %2.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>cannot check the project</source>
        <translation>das Projekt kann nicht geprüft werden</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>row %1 of %2 refers to a missing row of %3</source>
        <translation>Zeile %1 von %2 verweist auf eine fehlende Zeile von %3</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>cannot start a transaction</source>
        <translation>eine Transaktion kann nicht begonnen werden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>commit() without transaction()</source>
        <translation>commit() ohne transaction()</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot save the changes</source>
        <translation>die Änderungen können nicht gespeichert werden</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>A harvest needs a source.</source>
        <translation>Ein Abruf braucht eine Quelle.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot record the harvest</source>
        <translation>der Abruf kann nicht festgehalten werden</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot record the end of the harvest</source>
        <translation>das Ende des Abrufs kann nicht festgehalten werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no harvest %1.</source>
        <translation>Es gibt keinen Abruf %1.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+11"/>
        <source>cannot read the harvests</source>
        <translation>die Abrufe können nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>A post needs a source, a remote id and the tag it was found under.</source>
        <translation>Ein Beitrag braucht eine Quelle, eine entfernte ID und den Tag, unter dem er gefunden wurde.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot store post %1</source>
        <translation>Beitrag %1 kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>There is no media item %1.</source>
        <translation>Es gibt kein Medienelement %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot record a skipped item</source>
        <translation>ein übersprungenes Element kann nicht festgehalten werden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot record a failed item</source>
        <translation>ein fehlgeschlagenes Element kann nicht festgehalten werden</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+10"/>
        <source>cannot record a finished item</source>
        <translation>ein fertiges Element kann nicht festgehalten werden</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Image %1 is not in the project; add it before marking items ok.</source>
        <translation>Bild %1 ist nicht im Projekt; füge es hinzu, bevor du Elemente als ok markierst.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cannot read the images</source>
        <translation>die Bilder können nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>An image needs either its bytes or the path of a local file.</source>
        <translation>Ein Bild braucht entweder seine Bytes oder den Pfad einer lokalen Datei.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot store image %1</source>
        <translation>Bild %1 kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot read the classifications</source>
        <translation>die Klassifizierungen können nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot read the images still to classify</source>
        <translation>die noch zu klassifizierenden Bilder können nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A classification needs the model&apos;s SHA-256.</source>
        <translation>Eine Klassifizierung braucht den SHA-256 des Modells.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Image %1 is not in the project; add it before its classification.</source>
        <translation>Bild %1 ist nicht im Projekt; füge es vor seiner Klassifizierung hinzu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot store the classification of %1</source>
        <translation>die Klassifizierung von %1 kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>cannot read the classification of %1</source>
        <translation>die Klassifizierung von %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1: the stored embedding of %2 is damaged.</source>
        <translation>%1: Das gespeicherte Embedding von %2 ist beschädigt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Image %1 has no classification by model %2.</source>
        <translation>Bild %1 hat keine Klassifizierung durch Modell %2.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot count the classified images</source>
        <translation>die klassifizierten Bilder können nicht gezählt werden</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cannot count the images of #%1</source>
        <translation>die Bilder von #%1 können nicht gezählt werden</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot count the media items</source>
        <translation>die Medienelemente können nicht gezählt werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot count the media items of #%1</source>
        <translation>die Medienelemente von #%1 können nicht gezählt werden</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>cannot read the tags</source>
        <translation>die Tags können nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>cannot read the media items</source>
        <translation>die Medienelemente können nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>cannot read the thumbnail of %1</source>
        <translation>das Vorschaubild von %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+14"/>
        <source>Image %1 is not in the project.</source>
        <translation>Bild %1 ist nicht im Projekt.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>cannot read image %1</source>
        <translation>Bild %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 is gone (it was harvested from there).</source>
        <translation>%1 ist nicht mehr da (von dort wurde es abgerufen).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot read %1: %2.</source>
        <translation>%1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 changed since it was harvested.</source>
        <translation>%1 hat sich seit dem Abruf geändert.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot read setting %1</source>
        <translation>Einstellung %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is this project itself.</source>
        <translation>%1 ist dieses Projekt selbst.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The project cannot be copied while it is being written.</source>
        <translation>Das Projekt kann nicht kopiert werden, während in es geschrieben wird.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is a folder.</source>
        <translation>%1 ist ein Ordner.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The folder of %1 does not exist.</source>
        <translation>Der Ordner von %1 existiert nicht.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot write a copy to %1</source>
        <translation>eine Kopie nach %1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot replace %1: %2</source>
        <translation>%1 kann nicht ersetzt werden: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot save setting %1</source>
        <translation>Einstellung %1 kann nicht gespeichert werden</translation>
    </message>
</context>
<context>
    <name>Sha256Digest</name>
    <message>
        <location filename="../../engine/models/sha256digest.cpp" line="+43"/>
        <location line="+9"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>ShownFilter</name>
    <message>
        <location filename="../../engine/store/shownfilter.cpp" line="+33"/>
        <source>all images</source>
        <translation>alle Bilder</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>top label “%1”</source>
        <translation>Top-Label „%1“</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>score ≥ %1 %</source>
        <translation>Score ≥ %1 %</translation>
    </message>
</context>
<context>
    <name>SourceKind</name>
    <message>
        <location filename="../../engine/core/sourcekind.cpp" line="+41"/>
        <source>Unknown source &quot;%1&quot;; TagLens knows %2.</source>
        <translation>Unbekannte Quelle „%1“; TagLens kennt %2.</translation>
    </message>
</context>
<context>
    <name>StateDictPickle</name>
    <message>
        <location filename="../../engine/inference/torch/statedictpickle.cpp" line="+79"/>
        <source>The weights file is malformed: %1.</source>
        <translation>Die Gewichtsdatei ist fehlerhaft: %1.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>the pickle stack is too deep</source>
        <translation>der Pickle-Stapel ist zu tief</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the pickle stack underflowed</source>
        <translation>der Pickle-Stapel ist leergelaufen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unexpected mark</source>
        <translation>unerwartete Marke</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>missing mark</source>
        <translation>fehlende Marke</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>an unterminated global name</source>
        <translation>ein nicht abgeschlossener globaler Name</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>REDUCE without a global and an argument tuple</source>
        <translation>REDUCE ohne globalen Namen und Argument-Tupel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a tensor with too few arguments</source>
        <translation>ein Tensor mit zu wenigen Argumenten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a tensor with invalid arguments</source>
        <translation>ein Tensor mit ungültigen Argumenten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a tensor with invalid sizes</source>
        <translation>ein Tensor mit ungültigen Größen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a call to %1.%2, which a state_dict never contains</source>
        <translation>ein Aufruf von %1.%2, den ein state_dict nie enthält</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>it ends before the pickle&apos;s STOP</source>
        <translation>sie endet vor dem STOP des Pickles</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>truncated PROTO</source>
        <translation>abgeschnittenes PROTO</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an unsupported pickle protocol</source>
        <translation>ein nicht unterstütztes Pickle-Protokoll</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>truncated FRAME</source>
        <translation>abgeschnittenes FRAME</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>invalid STACK_GLOBAL</source>
        <translation>ungültiges STACK_GLOBAL</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>an unknown persistent id</source>
        <translation>eine unbekannte persistente ID</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>an unsupported storage type %1</source>
        <translation>ein nicht unterstützter Speichertyp %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>an invalid storage record</source>
        <translation>ein ungültiger Speichereintrag</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>BUILD without an object</source>
        <translation>BUILD ohne Objekt</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>APPEND to something that is not a list</source>
        <translation>APPEND auf etwas, das keine Liste ist</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a list that is too long</source>
        <translation>eine zu lange Liste</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>SETITEM without a key and a value</source>
        <translation>SETITEM ohne Schlüssel und Wert</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>SETITEMS on something that is not a dict</source>
        <translation>SETITEMS auf etwas, das kein Dict ist</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a dict that is too large</source>
        <translation>ein zu großes Dict</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+3"/>
        <source>a truncated string</source>
        <translation>eine abgeschnittene Zeichenkette</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+6"/>
        <location line="+6"/>
        <location line="+6"/>
        <source>a truncated integer</source>
        <translation>eine abgeschnittene Ganzzahl</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an integer that is too large</source>
        <translation>eine zu große Ganzzahl</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a truncated float</source>
        <translation>eine abgeschnittene Gleitkommazahl</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+12"/>
        <source>a truncated memo index</source>
        <translation>ein abgeschnittener Memo-Index</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>an invalid memo store</source>
        <translation>ein ungültiger Memo-Eintrag</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>a reference to an unknown memo entry</source>
        <translation>ein Verweis auf einen unbekannten Memo-Eintrag</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the top-level object is not a dict of tensors</source>
        <translation>das oberste Objekt ist kein Dict von Tensoren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>an entry that is not a named tensor</source>
        <translation>ein Eintrag, der kein benannter Tensor ist</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>an unsupported pickle opcode 0x%1 at byte %2</source>
        <translation>ein nicht unterstützter Pickle-Opcode 0x%1 bei Byte %2</translation>
    </message>
</context>
<context>
    <name>StoreTransaction</name>
    <message>
        <location filename="../../engine/store/storetransaction.cpp" line="+28"/>
        <source>The transaction was already finished.</source>
        <translation>Die Transaktion war bereits abgeschlossen.</translation>
    </message>
</context>
<context>
    <name>TorchClassifier</name>
    <message>
        <location filename="../../engine/inference/torch/torchclassifier.cpp" line="+39"/>
        <source>Install the official Inception-v3 weights with &quot;taglens-cli model install&quot; (or &quot;taglens-cli model install --from FILE&quot; offline), or choose another model file.</source>
        <translation>Installiere die offiziellen Inception-v3-Gewichte mit „taglens-cli model install“ (oder offline mit „taglens-cli model install --from DATEI“), oder wähle eine andere Modelldatei.</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>No model at %1. %2</source>
        <translation>Kein Modell unter %1. %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not a model file (it is empty or not a file). %2</source>
        <translation>%1 ist keine Modelldatei (sie ist leer oder keine Datei). %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 is neither a TorchScript module nor a PyTorch state_dict. %2</source>
        <translation>%1 ist weder ein TorchScript-Modul noch ein PyTorch-state_dict. %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not a readable model file (truncated or not a PyTorch archive)</source>
        <translation>%1 ist keine lesbare Modelldatei (abgeschnitten oder kein PyTorch-Archiv)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Inception-v3 (ImageNet-1k, torchvision IMAGENET1K_V1)</source>
        <translation>Inception-v3 (ImageNet-1k, torchvision IMAGENET1K_V1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inception-v3 (%1)</source>
        <translation>Inception-v3 (%1)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 carries no class names: add a labels.txt extra file or a %2 beside it.</source>
        <translation>%1 enthält keine Klassennamen: Füge eine Zusatzdatei labels.txt oder daneben eine %2 hinzu.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot load the model %1</source>
        <translation>Das Modell %1 kann nicht geladen werden</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>%1 does not return class scores (a tensor or a tuple starting with one).</source>
        <translation>%1 liefert keine Klassenwerte (einen Tensor oder ein Tupel, das mit einem beginnt).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 returns scores of an unexpected shape.</source>
        <translation>%1 liefert Werte in unerwarteter Form.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 scores %2 classes but has %3 labels.</source>
        <translation>%1 bewertet %2 Klassen, hat aber %3 Labels.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The model %1 fails on a %2×%2 image</source>
        <translation>Das Modell %1 scheitert an einem Bild mit %2×%2 Pixeln</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Input %1 was not prepared for this model.</source>
        <translation>Eingabe %1 wurde nicht für dieses Modell vorbereitet.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The model failed</source>
        <translation>Das Modell ist gescheitert</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The model failed on a batch of %1</source>
        <translation>Das Modell ist an einem Batch von %1 gescheitert</translation>
    </message>
</context>
<context>
    <name>TorchvisionTransform</name>
    <message>
        <location filename="../../engine/inference/torchvisiontransform.cpp" line="+31"/>
        <source>The image is empty.</source>
        <translation>Das Bild ist leer.</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+7"/>
        <source>The image cannot be resized.</source>
        <translation>Die Größe des Bildes kann nicht geändert werden.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/gui/main.cpp" line="+21"/>
        <source>TagLens: what do people show in the pictures they post under a hashtag?</source>
        <translation>TagLens: Was zeigen Menschen auf den Bildern, die sie unter einem Hashtag posten?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Classify with this model file.</source>
        <translation>Mit dieser Modelldatei klassifizieren.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A .taglens project to open.</source>
        <translation>Ein zu öffnendes .taglens-Projekt.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Only one project can be opened; opening %1.</source>
        <translation>Es kann nur ein Projekt geöffnet werden; %1 wird geöffnet.</translation>
    </message>
</context>
<context>
    <name>taglens::engine::BackgroundInstagramBudget</name>
    <message>
        <location filename="../../engine/workflow/backgroundinstagrambudget.cpp" line="+14"/>
        <source>The hashtag ledger is not open yet.</source>
        <translation>Das Hashtag-Verzeichnis ist noch nicht geöffnet.</translation>
    </message>
</context>
<context>
    <name>taglens::engine::ClassifierWorker</name>
    <message>
        <location filename="../../engine/inference/classifierworker.cpp" line="+124"/>
        <location line="+66"/>
        <source>Classification was cancelled.</source>
        <translation>Die Klassifizierung wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>The model returned %1 results for %2 images.</source>
        <translation>Das Modell hat %1 Ergebnisse für %2 Bilder geliefert.</translation>
    </message>
</context>
<context>
    <name>taglens::engine::FacebookLogin</name>
    <message>
        <location filename="../../engine/auth/facebooklogin.cpp" line="+125"/>
        <source>“%1” is not accepted as a Graph API address: the override is for tests and only takes http(s) addresses on this computer (127.0.0.1, ::1, localhost).</source>
        <translation>„%1“ wird nicht als Graph-API-Adresse akzeptiert: Die Ersetzung ist für Tests gedacht und nimmt nur http(s)-Adressen auf diesem Rechner an (127.0.0.1, ::1, localhost).</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>The login has not finished yet.</source>
        <translation>Die Anmeldung ist noch nicht abgeschlossen.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The login was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>“%1” is not a Meta app id (a number, shown as App ID in the app&apos;s dashboard).</source>
        <translation>„%1“ ist keine Meta-App-ID (eine Zahl, im Dashboard der App als App-ID angezeigt).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The Meta app&apos;s secret is empty.</source>
        <translation>Das Geheimnis der Meta-App ist leer.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not an https address.</source>
        <translation>%1 ist keine https-Adresse.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 Another program may be using port %2; choose another port with --port and register %3 in the Meta app instead.</source>
        <translation>%1 Vielleicht verwendet ein anderes Programm Port %2; wähle mit --port einen anderen Port und registriere stattdessen %3 in der Meta-App.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Meta refused to %1: “%2” (code %3). Check the app id and secret, and that %4 is listed exactly under Valid OAuth Redirect URIs in the app&apos;s Facebook Login settings.</source>
        <translation>Meta hat abgelehnt, %1: „%2“ (Code %3). Prüfe App-ID und Geheimnis und dass %4 genau so unter Gültige OAuth-Weiterleitungs-URIs in den Facebook-Login-Einstellungen der App steht.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>exchange the sign-in code for a token</source>
        <translation>den Anmeldecode gegen ein Token zu tauschen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Meta&apos;s token answer carries no access token.</source>
        <translation>Die Token-Antwort von Meta enthält kein Zugriffstoken.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>exchange the token for a long-lived one</source>
        <translation>das Token gegen ein langlebiges zu tauschen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Meta&apos;s long-lived token answer carries no access token.</source>
        <translation>Die Antwort von Meta auf das langlebige Token enthält kein Zugriffstoken.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>list the Facebook Pages of this login</source>
        <translation>die Facebook-Seiten dieser Anmeldung aufzulisten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Meta&apos;s list of Facebook Pages is unreadable.</source>
        <translation>Die Liste der Facebook-Seiten von Meta ist unlesbar.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>None of the Facebook Pages this login can see (%1) has an Instagram professional account linked. Switch the Instagram account to a Business or Creator account, link it to a Facebook Page (Page settings → Linked accounts → Instagram), and when logging in again, give TagLens access to that Page.</source>
        <translation>Keine der Facebook-Seiten, die diese Anmeldung sieht (%1), hat ein verknüpftes professionelles Instagram-Konto. Stelle das Instagram-Konto auf ein Business- oder Creator-Konto um, verknüpfe es mit einer Facebook-Seite (Seiteneinstellungen → Verknüpfte Konten → Instagram) und gib TagLens bei der nächsten Anmeldung Zugriff auf diese Seite.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Not logged in to Instagram; log in with `taglens-cli auth login --source instagram --client-id APP_ID` (in the desktop app: File ▸ Accounts…).</source>
        <translation>Nicht bei Instagram angemeldet; melde dich mit `taglens-cli auth login --source instagram --client-id APP_ID` an (in der Desktop-App: Datei ▸ Konten…).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The Instagram login&apos;s token is not in the keychain any more; log in again with `taglens-cli auth login --source instagram` (in the desktop app: File ▸ Accounts…).</source>
        <translation>Das Token der Instagram-Anmeldung ist nicht mehr im Schlüsselbund; melde dich mit `taglens-cli auth login --source instagram` erneut an (in der Desktop-App: Datei ▸ Konten…).</translation>
    </message>
</context>
<context>
    <name>taglens::engine::FileClassifier</name>
    <message>
        <location filename="../../engine/inference/fileclassifier.cpp" line="+88"/>
        <location line="+29"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
</context>
<context>
    <name>taglens::engine::HarvestPipeline</name>
    <message>
        <location filename="../../engine/pipeline/harvestpipeline.cpp" line="+27"/>
        <source>a video</source>
        <translation>ein Video</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an animation (gifv)</source>
        <translation>eine Animation (gifv)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a still image (type &quot;%1&quot;)</source>
        <translation>kein Standbild (Typ „%1“)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Waiting for %1&apos;s rate limit until %2.</source>
        <translation>Warte wegen des Ratenlimits von %1 bis %2.</translation>
    </message>
    <message>
        <location line="+188"/>
        <source>Ignored a post without an id: %1</source>
        <translation>Ein Beitrag ohne ID wurde ignoriert: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the post gives no URL for it</source>
        <translation>der Beitrag nennt keine URL dafür</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>The harvest was cancelled.</source>
        <translation>Der Abruf wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>beyond the limit of %1 images</source>
        <translation>jenseits der Grenze von %1 Bildern</translation>
    </message>
</context>
<context>
    <name>taglens::engine::HarvestPreparation</name>
    <message>
        <location filename="../../engine/workflow/harvestpreparation.cpp" line="+23"/>
        <source>A harvest is already being prepared.</source>
        <translation>Ein Abruf wird bereits vorbereitet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is nothing to harvest.</source>
        <translation>Es gibt nichts abzurufen.</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>%n dropped address(es) cannot be fetched and were left out:</source>
        <translation>
            <numerusform>%n abgelegte Adresse kann nicht abgerufen werden und wurde ausgelassen:</numerusform>
            <numerusform>%n abgelegte Adressen können nicht abgerufen werden und wurden ausgelassen:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No Instagram budget is kept here.</source>
        <translation>Hier wird kein Instagram-Budget geführt.</translation>
    </message>
</context>
<context>
    <name>taglens::engine::HarvestSession</name>
    <message>
        <location filename="../../engine/workflow/harvestsession.cpp" line="+55"/>
        <source>A harvest is already running.</source>
        <translation>Es läuft bereits ein Abruf.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No project is open to harvest into.</source>
        <translation>Es ist kein Projekt geöffnet, in das abgerufen werden kann.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No model is set up, so nothing can be classified.</source>
        <translation>Es ist kein Modell eingerichtet, daher kann nichts klassifiziert werden.</translation>
    </message>
</context>
<context>
    <name>taglens::engine::HttpClient</name>
    <message>
        <location filename="../../engine/net/httpclient.cpp" line="+244"/>
        <source>Refusing to fetch %1: only https addresses are allowed (plain http only to this computer).</source>
        <translation>%1 wird nicht abgerufen: Nur https-Adressen sind erlaubt (einfaches http nur zu diesem Rechner).</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>Could not fetch %1: the response is too large (%2 bytes, the limit is %3).</source>
        <translation>%1 konnte nicht abgerufen werden: Die Antwort ist zu groß (%2 Bytes, die Grenze ist %3).</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Could not fetch %1: the response is too large (more than the limit of %2 bytes).</source>
        <translation>%1 konnte nicht abgerufen werden: Die Antwort ist zu groß (mehr als die Grenze von %2 Bytes).</translation>
    </message>
    <message>
        <location line="+57"/>
        <location line="+39"/>
        <source>Could not fetch %1: %2.</source>
        <translation>%1 konnte nicht abgerufen werden: %2.</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>the connection closed after %1 of %2 bytes</source>
        <translation>die Verbindung wurde nach %1 von %2 Bytes geschlossen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the server answered HTTP %1 %2</source>
        <translation>der Server hat mit HTTP %1 %2 geantwortet</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Could not fetch %1: more than %2 redirects.</source>
        <translation>%1 konnte nicht abgerufen werden: mehr als %2 Weiterleitungen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not fetch %1: refused a redirect to %2, which is less secure.</source>
        <translation>%1 konnte nicht abgerufen werden: Eine Weiterleitung zum weniger sicheren %2 wurde abgelehnt.</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Could not fetch %1: %2 (%3).</source>
        <translation>%1 konnte nicht abgerufen werden: %2 (%3).</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>gave up after 1 attempt</source>
        <translation>nach 1 Versuch aufgegeben</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>gave up after %1 attempts</source>
        <translation>nach %1 Versuchen aufgegeben</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>timed out: no data arrived for %1 s</source>
        <translation>Zeitüberschreitung: %1 s lang kamen keine Daten</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The request for %1 was cancelled.</source>
        <translation>Die Anfrage für %1 wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>taglens::engine::InstagramHashtagSource</name>
    <message>
        <location filename="../../engine/sources/instagramhashtagsource.cpp" line="+54"/>
        <source>No Instagram account id is known; log in with `taglens-cli auth login --source instagram` (in the desktop app: File ▸ Accounts…).</source>
        <translation>Es ist keine Instagram-Konto-ID bekannt; melde dich mit `taglens-cli auth login --source instagram` an (in der Desktop-App: Datei ▸ Konten…).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Instagram hashtag search needs a login; log in with `taglens-cli auth login --source instagram` (in the desktop app: File ▸ Accounts…).</source>
        <translation>Die Instagram-Hashtag-Suche braucht eine Anmeldung; melde dich mit `taglens-cli auth login --source instagram` an (in der Desktop-App: Datei ▸ Konten…).</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>#%1 on Instagram (%2)</source>
        <translation>#%1 auf Instagram (%2)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>“%1” is not an Instagram hashtag (letters, digits and _ only, no emoji).</source>
        <translation>„%1“ ist kein Instagram-Hashtag (nur Buchstaben, Ziffern und _, keine Emoji).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The Instagram edge must be recent or top, not “%1”.</source>
        <translation>Die Instagram-Kante muss recent oder top sein, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 has no HTTP client.</source>
        <translation>%1 hat keinen HTTP-Client.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The Graph API address %1 is not https.</source>
        <translation>Die Graph-API-Adresse %1 ist kein https.</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>A page of %1 is too large: %2</source>
        <translation>Eine Seite von %1 ist zu groß: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Page %1 of %2 had %3 more media than any page may have; they were ignored.</source>
        <translation>Seite %1 von %2 hatte %3 Medien mehr, als eine Seite haben darf; sie wurden ignoriert.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Skipped media %1 on page %2 of %3: %4.</source>
        <translation>Medium %1 auf Seite %2 von %3 übersprungen: %4.</translation>
    </message>
</context>
<context>
    <name>taglens::engine::LocalFolderSource</name>
    <message>
        <location filename="../../engine/sources/localfoldersource.cpp" line="+110"/>
        <source>%1 is neither a file nor a folder.</source>
        <translation>%1 ist weder eine Datei noch ein Ordner.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot read the folder %1.</source>
        <translation>Der Ordner %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>No folder or file was given.</source>
        <translation>Es wurde kein Ordner und keine Datei angegeben.</translation>
    </message>
</context>
<context>
    <name>taglens::engine::LoopbackRedirectCatcher</name>
    <message numerus="yes">
        <location filename="../../engine/auth/loopbackredirectcatcher.cpp" line="+55"/>
        <source>No sign-in arrived from the browser within %n minute(s).</source>
        <translation>
            <numerusform>Innerhalb von %n Minute kam keine Anmeldung vom Browser.</numerusform>
            <numerusform>Innerhalb von %n Minuten kam keine Anmeldung vom Browser.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No sign-in arrived from the browser in time.</source>
        <translation>Vom Browser kam nicht rechtzeitig eine Anmeldung.</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>The redirect catcher needs a state to check.</source>
        <translation>Der Weiterleitungsempfänger braucht einen State zum Prüfen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The redirect catcher can only be used once.</source>
        <translation>Der Weiterleitungsempfänger kann nur einmal verwendet werden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot listen on 127.0.0.1:%1 for the browser&apos;s answer: %2</source>
        <translation>Auf 127.0.0.1:%1 kann nicht auf die Antwort des Browsers gewartet werden: %2</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The sign-in has not finished yet.</source>
        <translation>Die Anmeldung ist noch nicht abgeschlossen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The redirect catcher is not listening.</source>
        <translation>Der Weiterleitungsempfänger lauscht nicht.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>too many connections; dropped the oldest</source>
        <translation>zu viele Verbindungen; die älteste wurde getrennt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the request head did not arrive in time</source>
        <translation>der Anfragekopf kam nicht rechtzeitig an</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+4"/>
        <source>the request head is larger than %1 bytes</source>
        <translation>der Anfragekopf ist größer als %1 Bytes</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>not an HTTP request</source>
        <translation>keine HTTP-Anfrage</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>a malformed header line</source>
        <translation>eine fehlerhafte Header-Zeile</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>more than one Host header</source>
        <translation>mehr als ein Host-Header</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a Host header that is not this listener</source>
        <translation>ein Host-Header, der nicht zu diesem Empfänger passt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a request for another path</source>
        <translation>eine Anfrage für einen anderen Pfad</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a %1 request instead of GET</source>
        <translation>eine %1-Anfrage statt GET</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a redirect without state</source>
        <translation>eine Weiterleitung ohne State</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>a redirect with a wrong state</source>
        <translation>eine Weiterleitung mit falschem State</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>TagLens did not get access</source>
        <translation>TagLens hat keinen Zugriff erhalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>You can close this tab and return to TagLens.</source>
        <translation>Du kannst diesen Tab schließen und zu TagLens zurückkehren.</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>a redirect without code</source>
        <translation>eine Weiterleitung ohne Code</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Access was denied: the sign-in was declined in the browser%1.</source>
        <translation>Der Zugriff wurde verweigert: Die Anmeldung wurde im Browser abgelehnt%1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server does not grant the requested permissions%1.</source>
        <translation>Der Server gewährt die angefragten Berechtigungen nicht%1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server could not complete the sign-in right now%1; try again later.</source>
        <translation>Der Server konnte die Anmeldung gerade nicht abschließen%1; versuche es später erneut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server refused the sign-in: %1%2.</source>
        <translation>Der Server hat die Anmeldung abgelehnt: %1%2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not the expected sign-in</source>
        <translation>Nicht die erwartete Anmeldung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This request is not the sign-in TagLens is waiting for.</source>
        <translation>Diese Anfrage ist nicht die Anmeldung, auf die TagLens wartet.</translation>
    </message>
</context>
<context>
    <name>taglens::engine::MastodonAuthClient</name>
    <message>
        <location filename="../../engine/auth/mastodonauthclient.cpp" line="+39"/>
        <source>%1: the server&apos;s answer is not a JSON object.</source>
        <translation>%1: Die Antwort des Servers ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1: the instance does not know TagLens&apos; registration any more (%2). Log in again.</source>
        <translation>%1: Die Instanz kennt die Registrierung von TagLens nicht mehr (%2). Melde dich erneut an.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the sign-in code was refused (%2). Start the login again.</source>
        <translation>%1: Der Anmeldecode wurde abgelehnt (%2). Beginne die Anmeldung erneut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the instance refused the credentials (%2).</source>
        <translation>%1: Die Instanz hat die Zugangsdaten abgelehnt (%2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the instance forbids this (%2).</source>
        <translation>%1: Die Instanz verbietet das (%2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the instance does not offer this (%2); is OAuth enabled there?</source>
        <translation>%1: Die Instanz bietet das nicht an (%2); ist OAuth dort aktiviert?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the instance rejected the request (%2).</source>
        <translation>%1: Die Instanz hat die Anfrage zurückgewiesen (%2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the instance&apos;s rate limit was reached (%2); try again later.</source>
        <translation>%1: Das Ratenlimit der Instanz ist erreicht (%2); versuche es später erneut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the instance had a problem (%2); try again later.</source>
        <translation>%1: Die Instanz hatte ein Problem (%2); versuche es später erneut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the instance answered with an error (%2).</source>
        <translation>%1: Die Instanz hat mit einem Fehler geantwortet (%2).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: only https addresses are allowed (plain http only to this computer).</source>
        <translation>%1: Nur https-Adressen sind erlaubt (einfaches http nur zu diesem Rechner).</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Registering TagLens with %1</source>
        <translation>TagLens bei %1 registrieren</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: the answer has no client_id or client_secret.</source>
        <translation>%1: Die Antwort enthält weder client_id noch client_secret.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reading the OAuth metadata of %1</source>
        <translation>Die OAuth-Metadaten von %1 lesen</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Getting a token from %1</source>
        <translation>Ein Token von %1 holen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: the answer has no access_token.</source>
        <translation>%1: Die Antwort enthält kein access_token.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Checking the account on %1</source>
        <translation>Das Konto auf %1 prüfen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1: the answer names no account.</source>
        <translation>%1: Die Antwort nennt kein Konto.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Revoking the token at %1</source>
        <translation>Das Token bei %1 widerrufen</translation>
    </message>
</context>
<context>
    <name>taglens::engine::MastodonLogin</name>
    <message>
        <location filename="../../engine/auth/mastodonlogin.cpp" line="+38"/>
        <source>The login has not finished yet.</source>
        <translation>Die Anmeldung ist noch nicht abgeschlossen.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The login was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>Nothing to revoke at %1: no token or registration is stored.</source>
        <translation>Bei %1 gibt es nichts zu widerrufen: Es sind weder Token noch Registrierung gespeichert.</translation>
    </message>
</context>
<context>
    <name>taglens::engine::MastodonTagTimeline</name>
    <message>
        <location filename="../../engine/sources/mastodontagtimeline.cpp" line="+89"/>
        <location line="+1"/>
        <source>#%1 on %2</source>
        <translation>#%1 auf %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No instance was given (e.g. https://mastodon.social).</source>
        <translation>Es wurde keine Instanz angegeben (z. B. https://mastodon.social).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“%1” is not an instance address (e.g. https://mastodon.social).</source>
        <translation>„%1“ ist keine Instanzadresse (z. B. https://mastodon.social).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” is not an https address; instances are only read over https.</source>
        <translation>„%1“ ist keine https-Adresse; Instanzen werden nur über https gelesen.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>“%1” is not a hashtag.</source>
        <translation>„%1“ ist kein Hashtag.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1 has no HTTP client.</source>
        <translation>%1 hat keinen HTTP-Client.</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>%1 has turned hashtag timelines off.</source>
        <translation>%1 hat Hashtag-Timelines abgeschaltet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+39"/>
        <source>This instance needs you to log in to read hashtag timelines.</source>
        <translation>Diese Instanz verlangt eine Anmeldung, um Hashtag-Timelines zu lesen.</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>%1 shows only its %2 posts under hashtags to visitors who are not logged in.</source>
        <translation>%1 zeigt nicht angemeldeten Besuchern unter Hashtags nur seine %2 Beiträge.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>local</source>
        <translation>lokalen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>remote</source>
        <translation>föderierten</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 did not accept the access token (HTTP 401); log in again.</source>
        <translation>%1 hat das Zugriffstoken nicht akzeptiert (HTTP 401); melde dich erneut an.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The tag #%1 does not exist on %2.</source>
        <translation>Den Tag #%1 gibt es auf %2 nicht.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A page of %1 is too large: %2</source>
        <translation>Eine Seite von %1 ist zu groß: %2</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Skipped status %1 on page %2 of %3: %4.</source>
        <translation>Status %1 auf Seite %2 von %3 übersprungen: %4.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Stopped reading %1: the next page is on another server (%2).</source>
        <translation>Lesen von %1 angehalten: Die nächste Seite liegt auf einem anderen Server (%2).</translation>
    </message>
</context>
<context>
    <name>taglens::engine::ModelDownloader</name>
    <message>
        <location filename="../../engine/models/modeldownloader.cpp" line="+198"/>
        <source>Refusing to download %1: only https addresses are allowed (plain http only to this computer).</source>
        <translation>%1 wird nicht heruntergeladen: Nur https-Adressen sind erlaubt (einfaches http nur zu diesem Rechner).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“%1” is not a file name to download to.</source>
        <translation>„%1“ ist kein Dateiname, unter dem heruntergeladen werden kann.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“%1” is not a SHA-256 digest or the start of one.</source>
        <translation>„%1“ ist kein SHA-256-Hashwert und auch nicht dessen Anfang.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cannot remove the stale file %1.</source>
        <translation>Die veraltete Datei %1 kann nicht entfernt werden.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The download of %1 was cancelled.</source>
        <translation>Das Herunterladen von %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Could not download %1: the server sent an unusable byte range.</source>
        <translation>%1 konnte nicht heruntergeladen werden: Der Server hat einen unbrauchbaren Bytebereich gesendet.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Could not download %1: it is %2 bytes, more than the limit of %3.</source>
        <translation>%1 konnte nicht heruntergeladen werden: Es ist %2 Bytes groß, mehr als die Grenze von %3.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+24"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Could not download %1: the server sent more than the limit of %2 bytes.</source>
        <translation>%1 konnte nicht heruntergeladen werden: Der Server hat mehr als die Grenze von %2 Bytes gesendet.</translation>
    </message>
    <message>
        <location line="+48"/>
        <location line="+89"/>
        <source>Could not download %1: %2.</source>
        <translation>%1 konnte nicht heruntergeladen werden: %2.</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>Could not download %1: the server answered HTTP %2 %3.</source>
        <translation>%1 konnte nicht heruntergeladen werden: Der Server hat mit HTTP %2 %3 geantwortet.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not download %1: no HTTP response.</source>
        <translation>%1 konnte nicht heruntergeladen werden: keine HTTP-Antwort.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the connection closed after %1 of %2 bytes</source>
        <translation>die Verbindung wurde nach %1 von %2 Bytes geschlossen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not download %1: refused a redirect to %2, which is not a secure address.</source>
        <translation>%1 konnte nicht heruntergeladen werden: Eine Weiterleitung zur unsicheren Adresse %2 wurde abgelehnt.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>no data arrived for %1 s</source>
        <translation>%1 s lang kamen keine Daten</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Could not download %1: the server answered HTTP 416 (range not satisfiable).</source>
        <translation>%1 konnte nicht heruntergeladen werden: Der Server hat mit HTTP 416 geantwortet (Bereich nicht erfüllbar).</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 was not written completely.</source>
        <translation>%1 wurde nicht vollständig geschrieben.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The file downloaded from %1 is not the expected one: its SHA-256 is %2, expected one that begins with %3.</source>
        <translation>Die von %1 heruntergeladene Datei ist nicht die erwartete: Ihr SHA-256 ist %2, erwartet war einer, der mit %3 beginnt.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot move %1 to %2: %3</source>
        <translation>%1 kann nicht nach %2 verschoben werden: %3</translation>
    </message>
</context>
<context>
    <name>taglens::engine::ProjectSession</name>
    <message>
        <location filename="../../engine/workflow/projectsession.cpp" line="+51"/>
        <source>No project file was named.</source>
        <translation>Es wurde keine Projektdatei genannt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is a folder, not a project file.</source>
        <translation>%1 ist ein Ordner, keine Projektdatei.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not replace %1.</source>
        <translation>%1 konnte nicht ersetzt werden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not create the folder %1.</source>
        <translation>Der Ordner %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <location line="+68"/>
        <location line="+16"/>
        <source>A project is being opened or saved; try again when it is done.</source>
        <translation>Gerade wird ein Projekt geöffnet oder gespeichert; versuche es erneut, wenn das erledigt ist.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no project to save.</source>
        <translation>Es gibt kein Projekt zum Speichern.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>There is no project to choose labels for.</source>
        <translation>Es ist kein Projekt offen, für das Labels gewählt werden könnten.</translation>
    </message>
</context>
<context>
    <name>taglens::engine::TokenStore</name>
    <message>
        <location filename="../../engine/auth/tokenstore.cpp" line="+193"/>
        <source>The keychain refused to store the secret: %1</source>
        <translation>Der Schlüsselbund hat das Speichern des Geheimnisses verweigert: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+20"/>
        <location line="+15"/>
        <source>No keychain is available; the token is kept for this run only.</source>
        <translation>Es ist kein Schlüsselbund verfügbar; das Token wird nur für diese Sitzung aufbewahrt.</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+5"/>
        <source>No token is stored.</source>
        <translation>Es ist kein Token gespeichert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No keychain is available, so no token is stored.</source>
        <translation>Es ist kein Schlüsselbund verfügbar, daher ist kein Token gespeichert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The keychain refused to read the secret: %1</source>
        <translation>Der Schlüsselbund hat das Lesen des Geheimnisses verweigert: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The keychain refused to delete the secret: %1</source>
        <translation>Der Schlüsselbund hat das Löschen des Geheimnisses verweigert: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>TagLens is not registered with %1 yet.</source>
        <translation>TagLens ist bei %1 noch nicht registriert.</translation>
    </message>
</context>
<context>
    <name>taglens::engine::UrlListSource</name>
    <message numerus="yes">
        <location filename="../../engine/sources/urllistsource.cpp" line="+37"/>
        <source>Only %n address(es) are read at once; the other %1 were ignored.</source>
        <translation>
            <numerusform>Es wird nur %n Adresse auf einmal gelesen; die übrigen %1 wurden ignoriert.</numerusform>
            <numerusform>Es werden nur %n Adressen auf einmal gelesen; die übrigen %1 wurden ignoriert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n more address(es) were refused.</source>
        <translation>
            <numerusform>%n weitere Adresse wurde abgelehnt.</numerusform>
            <numerusform>%n weitere Adressen wurden abgelehnt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n image address(es)</source>
        <translation>
            <numerusform>%n Bildadresse</numerusform>
            <numerusform>%n Bildadressen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Refused %1: %2</source>
        <translation>%1 abgelehnt: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it is not a complete address.</source>
        <translation>sie ist keine vollständige Adresse.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>only http and https addresses can be fetched.</source>
        <translation>nur http- und https-Adressen können abgerufen werden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it names no host.</source>
        <translation>sie nennt keinen Host.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it carries a user name or password, which would be stored in the project.</source>
        <translation>sie enthält einen Benutzernamen oder ein Passwort, die im Projekt gespeichert würden.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>it is longer than %n character(s).</source>
        <translation>
            <numerusform>sie ist länger als %n Zeichen.</numerusform>
            <numerusform>sie ist länger als %n Zeichen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>plain http is only used for this computer; use https.</source>
        <translation>einfaches http wird nur für diesen Rechner verwendet; nutze https.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>No image address that can be fetched was given.</source>
        <translation>Es wurde keine abrufbare Bildadresse angegeben.</translation>
    </message>
</context>
<context>
    <name>taglens::ui::AccountsAccess</name>
    <message>
        <location filename="../../ui/accountsaccess.cpp" line="+53"/>
        <source>Instagram</source>
        <translation>Instagram</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hashtag search on Instagram needs a login with your own Meta app.</source>
        <translation>Die Hashtag-Suche auf Instagram braucht eine Anmeldung mit deiner eigenen Meta-App.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Accounts…</source>
        <translation>&amp;Konten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the accounts dialog</source>
        <translation>Den Kontendialog öffnen</translation>
    </message>
</context>
<context>
    <name>taglens::ui::AccountsDialog</name>
    <message>
        <location filename="../../ui/accountsdialog.cpp" line="+47"/>
        <location line="+166"/>
        <source>Mastodon</source>
        <translation>Mastodon</translation>
    </message>
    <message>
        <location line="-164"/>
        <location line="+165"/>
        <source>Pixelfed</source>
        <translation>Pixelfed</translation>
    </message>
    <message>
        <location line="-163"/>
        <location line="+82"/>
        <source>Instagram</source>
        <translation>Instagram</translation>
    </message>
    <message>
        <location line="-65"/>
        <location line="+328"/>
        <source>account %1</source>
        <translation>Konto %1</translation>
    </message>
    <message>
        <location line="-325"/>
        <source>%1 (Page “%2”)</source>
        <translation>%1 (Seite „%2“)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Keychain problem</source>
        <translation>Problem mit dem Schlüsselbund</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Log in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mastodon or Pixelfed</source>
        <translation>Mastodon oder Pixelfed</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Login status</source>
        <translation>Anmeldestatus</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&lt;b&gt;Stored logins&lt;/b&gt;</source>
        <translation>&lt;b&gt;Gespeicherte Anmeldungen&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Stored logins</source>
        <translation>Gespeicherte Anmeldungen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Login</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Log &amp;Out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log out of the selected account</source>
        <translation>Vom ausgewählten Konto abmelden</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Kind of server</source>
        <translation>Art des Servers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. mastodon.social</source>
        <translation>z. B. mastodon.social</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Log In…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log in to the instance</source>
        <translation>Bei der Instanz anmelden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Instance:</source>
        <translation>&amp;Instanz:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Needed for instances that show hashtags to logged-in users only. Your browser opens the instance&apos;s sign-in page; TagLens only asks to read, and keeps the token in the desktop keychain.</source>
        <translation>Nötig für Instanzen, die Hashtags nur angemeldeten Nutzern zeigen. Dein Browser öffnet die Anmeldeseite der Instanz; TagLens bittet nur um Lesezugriff und bewahrt das Token im Schlüsselbund des Desktops auf.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>App ID of your Meta app</source>
        <translation>App-ID deiner Meta-App</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>App settings → Basic → App ID</source>
        <translation>App-Einstellungen → Allgemeines → App-ID</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>App secret of your Meta app</source>
        <translation>App-Geheimnis deiner Meta-App</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Port of the redirect URI</source>
        <translation>Port der Weiterleitungs-URI</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Redirect URI to register</source>
        <translation>Zu registrierende Weiterleitungs-URI</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log &amp;In…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log in to Instagram</source>
        <translation>Bei Instagram anmelden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>App &amp;ID:</source>
        <translation>App-&amp;ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>App s&amp;ecret:</source>
        <translation>App-&amp;Geheimnis:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redirect URI:</source>
        <translation>Weiterleitungs-URI:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy the redirect URI</source>
        <translation>Die Weiterleitungs-URI kopieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Instagram hashtag search needs your own Meta app and an Instagram professional account linked to a Facebook Page (see README). Register the redirect URI below exactly under Facebook Login → Settings → Valid OAuth Redirect URIs.</source>
        <translation>Die Instagram-Hashtag-Suche braucht deine eigene Meta-App und ein professionelles Instagram-Konto, das mit einer Facebook-Seite verknüpft ist (siehe README). Registriere die Weiterleitungs-URI unten genau so unter Facebook Login → Einstellungen → Gültige OAuth-Weiterleitungs-URIs.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>App settings → Basic → App secret</source>
        <translation>App-Einstellungen → Allgemeines → App-Geheimnis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept in the keychain; leave empty to use the stored one</source>
        <translation>Wird im Schlüsselbund aufbewahrt; leer lassen, um das gespeicherte zu verwenden</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Login progress</source>
        <translation>Fortschritt der Anmeldung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Waiting for the browser</source>
        <translation>Warte auf den Browser</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign-in address</source>
        <translation>Anmeldeadresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ancel</source>
        <translation>Abb&amp;rechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the login</source>
        <translation>Die Anmeldung abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Browser Again</source>
        <translation>&amp;Browser erneut öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the sign-in address in the browser again</source>
        <translation>Die Anmeldeadresse erneut im Browser öffnen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>If no browser opened, copy this address into one:</source>
        <translation>Falls sich kein Browser geöffnet hat, kopiere diese Adresse in einen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the sign-in address</source>
        <translation>Die Anmeldeadresse kopieren</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>valid</source>
        <translation>gültig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expired %1 — log in again</source>
        <translation>abgelaufen am %1 — melde dich erneut an</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>until %1</source>
        <translation>bis %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>until logged out</source>
        <translation>bis zur Abmeldung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this run only (no keychain)</source>
        <translation>nur für diese Sitzung (kein Schlüsselbund)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No logins yet. Public hashtags need none; log in below where one is needed.</source>
        <translation>Noch keine Anmeldungen. Öffentliche Hashtags brauchen keine; melde dich unten an, wo eine nötig ist.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Registering TagLens with %1…</source>
        <translation>TagLens wird bei %1 registriert…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Enter the App ID of your Meta app (App settings → Basic).</source>
        <translation>Gib die App-ID deiner Meta-App ein (App-Einstellungen → Allgemeines).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The port must be the one in the redirect URI you registered.</source>
        <translation>Der Port muss der aus der registrierten Weiterleitungs-URI sein.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Enter the app secret of Meta app %1 (App settings → Basic); it is kept in the keychain after the first login.</source>
        <translation>Gib das App-Geheimnis der Meta-App %1 ein (App-Einstellungen → Allgemeines); nach der ersten Anmeldung wird es im Schlüsselbund aufbewahrt.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Starting the Facebook Login…</source>
        <translation>Facebook Login wird gestartet…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Waiting for your browser… Log in there and allow TagLens to read; this window notices when you are done.</source>
        <translation>Warte auf deinen Browser… Melde dich dort an und erlaube TagLens den Lesezugriff; dieses Fenster merkt, wenn du fertig bist.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No browser could be opened. Open the address below in a browser, log in and allow TagLens to read; this window notices when you are done.</source>
        <translation>Es konnte kein Browser geöffnet werden. Öffne die Adresse unten in einem Browser, melde dich an und erlaube TagLens den Lesezugriff; dieses Fenster merkt, wenn du fertig bist.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Logged in to %1 as %2.</source>
        <translation>Bei %1 angemeldet als %2.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Logged in to Instagram as %1.</source>
        <translation>Bei Instagram angemeldet als %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The login is valid until %1; log in again after that.</source>
        <translation>Die Anmeldung ist bis %1 gültig; melde dich danach erneut an.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Logged out of Instagram (%1). To also withdraw the app&apos;s access at Meta, remove it under Facebook settings → Business Integrations.</source>
        <translation>Von Instagram abgemeldet (%1). Um der App auch bei Meta den Zugriff zu entziehen, entferne sie in den Facebook-Einstellungen unter Business-Integrationen.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Logged out of %1 (%2).</source>
        <translation>Von %1 abgemeldet (%2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The instance was not told: %1</source>
        <translation>Die Instanz wurde nicht benachrichtigt: %1</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Logging out of %1…</source>
        <translation>Abmeldung von %1…</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Logins made now last until TagLens is closed. Start a Secret Service (such as GNOME Keyring or KWallet) to keep them.</source>
        <translation>Anmeldungen gelten jetzt nur, bis TagLens geschlossen wird. Starte einen Secret Service (etwa GNOME Keyring oder KWallet), um sie zu behalten.</translation>
    </message>
</context>
<context>
    <name>taglens::ui::AddPrompt</name>
    <message>
        <location filename="../../ui/addprompt.cpp" line="+21"/>
        <source>Add Images</source>
        <translation>Bilder hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images (*.jpg *.jpeg *.png *.webp *.gif *.bmp);;All files (*)</source>
        <translation>Bilder (*.jpg *.jpeg *.png *.webp *.gif *.bmp);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add a Folder of Images</source>
        <translation>Einen Ordner mit Bildern hinzufügen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add Image Addresses</source>
        <translation>Bildadressen hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image addresses, one per line:</source>
        <translation>Bildadressen, eine pro Zeile:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>None of that is an image address (https://…).</source>
        <translation>Nichts davon ist eine Bildadresse (https://…).</translation>
    </message>
</context>
<context>
    <name>taglens::ui::ClassifyRestRunner</name>
    <message numerus="yes">
        <location filename="../../ui/classifyrestrunner.cpp" line="+16"/>
        <source>Classifying %1 of %n image(s)…</source>
        <translation>
            <numerusform>Klassifiziere %1 von %n Bild…</numerusform>
            <numerusform>Klassifiziere %1 von %n Bildern…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Classifying was stopped.</source>
        <translation>Das Klassifizieren wurde angehalten.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not classify the rest: %1</source>
        <translation>Der Rest konnte nicht klassifiziert werden: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Classifying was stopped; the images done keep their labels.</source>
        <translation>Das Klassifizieren wurde angehalten; die fertigen Bilder behalten ihre Labels.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Loading the model to classify the rest…</source>
        <translation>Lade das Modell, um den Rest zu klassifizieren…</translation>
    </message>
</context>
<context>
    <name>taglens::ui::DetailPanel</name>
    <message>
        <location filename="../../ui/detailpanel.cpp" line="+26"/>
        <source>&amp;Open post in browser</source>
        <translation>Beitrag im Browser ö&amp;ffnen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Selected image</source>
        <translation>Ausgewähltes Bild</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Top labels</source>
        <translation>Beste Labels</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Author and date</source>
        <translation>Autor und Datum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Post text</source>
        <translation>Beitragstext</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Alt text</source>
        <translation>Alternativtext</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Media URL</source>
        <translation>Medien-URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open post in browser</source>
        <translation>Beitrag im Browser öffnen</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Select an image to see what the model saw in it.</source>
        <translation>Wähle ein Bild, um zu sehen, was das Modell darin erkannt hat.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not fetched yet: harvesting this tag again fetches and classifies it.</source>
        <translation>Noch nicht abgerufen: ein neuer Abruf dieses Tags holt und klassifiziert es.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Skipped: not a still image.</source>
        <translation>Übersprungen: kein Standbild.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped: %1</source>
        <translation>Übersprungen: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not be fetched or read.</source>
        <translation>Konnte nicht abgerufen oder gelesen werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not be fetched or read: %1</source>
        <translation>Konnte nicht abgerufen oder gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Untrained test model: these labels mean nothing.</source>
        <translation>Untrainiertes Testmodell: Diese Labels bedeuten nichts.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 — %2%</source>
        <translation>%1 — %2 %</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>#%1 · %2 · %3</source>
        <translation>#%1 · %2 · %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown author</source>
        <translation>unbekannter Autor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown date</source>
        <translation>unbekanntes Datum</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No alt text.</source>
        <translation>Kein Alternativtext.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alt text: %1</source>
        <translation>Alternativtext: %1</translation>
    </message>
</context>
<context>
    <name>taglens::ui::DropCollector</name>
    <message>
        <location filename="../../ui/dropcollector.cpp" line="+51"/>
        <source>Add Dropped Images</source>
        <translation>Abgelegte Bilder hinzufügen</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n file(s) or folder(s)</source>
        <translation>
            <numerusform>%n Datei oder Ordner</numerusform>
            <numerusform>%n Dateien oder Ordner</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n image address(es)</source>
        <translation>
            <numerusform>%n Bildadresse</numerusform>
            <numerusform>%n Bildadressen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 and %2</source>
        <comment>files and addresses</comment>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classify %1 as the collection:</source>
        <translation>%1 klassifizieren als Sammlung:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Classify</source>
        <translation>&amp;Klassifizieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collection for the dropped images</source>
        <translation>Sammlung für die abgelegten Bilder</translation>
    </message>
</context>
<context>
    <name>taglens::ui::FilterBar</name>
    <message>
        <location filename="../../ui/filterbar.cpp" line="+20"/>
        <source>Filter by tag</source>
        <translation>Nach Tag filtern</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+55"/>
        <source>All tags</source>
        <translation>Alle Tags</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Filter by status</source>
        <translation>Nach Status filtern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classified</source>
        <translation>Klassifiziert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sort order</source>
        <translation>Sortierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project order</source>
        <translation>Reihenfolge im Projekt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best score first</source>
        <translation>Höchste Konfidenz zuerst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Newest first</source>
        <translation>Neueste zuerst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By label</source>
        <translation>Nach Label</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear label filter</source>
        <translation>Label-Filter aufheben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show every label again</source>
        <translation>Wieder alle Labels zeigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Images shown</source>
        <translation>Angezeigte Bilder</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Label: %1 ✕</source>
        <translation>Label: %1 ✕</translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>%n image(s) shown</source>
        <translation>
            <numerusform>%n Bild angezeigt</numerusform>
            <numerusform>%n Bilder angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source> of %1</source>
        <translation> von %1</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Reading the project…</source>
        <translation>Das Projekt wird gelesen…</translation>
    </message>
</context>
<context>
    <name>taglens::ui::GridPane</name>
    <message>
        <location filename="../../ui/gridpane.cpp" line="+20"/>
        <source>Type hashtags above and press Start,
or drop images, folders or image addresses here.</source>
        <translation>Tippe oben Hashtags ein und drücke Start,
oder lege Bilder, Ordner oder Bildadressen hier ab.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Reading the project…</source>
        <translation>Das Projekt wird gelesen…</translation>
    </message>
</context>
<context>
    <name>taglens::ui::HarvestController</name>
    <message>
        <location filename="../../ui/harvestcontroller.cpp" line="+59"/>
        <location line="+54"/>
        <source>A harvest is already running.</source>
        <translation>Es läuft bereits ein Abruf.</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>A harvest is already running; drop them again when it has finished.</source>
        <translation>Es läuft bereits ein Abruf; lege sie erneut ab, wenn er fertig ist.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>No model is installed, so nothing can be classified. Set one up with Help ▸ Set Up Model.</source>
        <translation>Es ist kein Modell installiert, daher kann nichts klassifiziert werden. Richte eines ein mit Hilfe ▸ Modell einrichten.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save the New Project As</source>
        <translation>Neues Projekt speichern unter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TagLens projects (*.taglens)</source>
        <translation>TagLens-Projekte (*.taglens)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing was harvested: a harvest needs a project to go into.</source>
        <translation>Es wurde nichts abgerufen: Ein Abruf braucht ein Projekt, in das er schreibt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A project is being opened or saved; try again when it is done.</source>
        <translation>Gerade wird ein Projekt geöffnet oder gespeichert; versuche es erneut, wenn das erledigt ist.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>untitled</source>
        <translation>unbenannt</translation>
    </message>
</context>
<context>
    <name>taglens::ui::HarvestProgressStrip</name>
    <message>
        <location filename="../../ui/harvestprogressstrip.cpp" line="+17"/>
        <source>Harvest progress</source>
        <translation>Fortschritt des Abrufs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Harvest counts</source>
        <translation>Zahlen des Abrufs</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Loading the model…</source>
        <translation>Das Modell wird geladen…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
</context>
<context>
    <name>taglens::ui::HashtagChip</name>
    <message>
        <location filename="../../ui/hashtagchip.cpp" line="+29"/>
        <source>Hashtag. Delete or Backspace removes it; the arrow keys move between hashtags.</source>
        <translation>Hashtag. Entf oder Rücktaste entfernt ihn; die Pfeiltasten wechseln zwischen den Hashtags.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>#%1: press Delete or click × to remove it</source>
        <translation>#%1: Entf drücken oder auf × klicken, um ihn zu entfernen</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+1"/>
        <source>Remove #%1</source>
        <translation>#%1 entfernen</translation>
    </message>
</context>
<context>
    <name>taglens::ui::HashtagChipsEdit</name>
    <message>
        <location filename="../../ui/hashtagchipsedit.cpp" line="+49"/>
        <source>New hashtag</source>
        <translation>Neuer Hashtag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type a hashtag and press Space, comma or Enter to add it. Backspace in the empty field removes the last one; Left selects the hashtags.</source>
        <translation>Tippe einen Hashtag und drücke Leertaste, Komma oder Eingabe, um ihn hinzuzufügen. Die Rücktaste im leeren Feld entfernt den letzten; Links wählt die Hashtags aus.</translation>
    </message>
</context>
<context>
    <name>taglens::ui::InstagramStanding</name>
    <message>
        <location filename="../../ui/instagramstanding.cpp" line="+55"/>
        <source>&lt;a href=&quot;accounts&quot;&gt;Log in…&lt;/a&gt;</source>
        <translation>&lt;a href=&quot;accounts&quot;&gt;Anmelden…&lt;/a&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log in to Instagram first (Accounts…).</source>
        <translation>Melde dich zuerst bei Instagram an (Konten…).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Budget unknown</source>
        <translation>Kontingent unbekannt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 of %2 hashtags left this week</source>
        <translation>%1 von %2 Hashtags diese Woche übrig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instagram lets @%1 search %2 different hashtags in any 7 days; %3 are left.</source>
        <translation>Instagram lässt @%1 in beliebigen 7 Tagen %2 verschiedene Hashtags suchen; %3 sind übrig.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Searched (each frees its place 7 days after its first search):</source>
        <translation>Gesucht (jeder gibt seinen Platz 7 Tage nach seiner ersten Suche frei):</translation>
    </message>
</context>
<context>
    <name>taglens::ui::LabelsStatus</name>
    <message>
        <location filename="../../ui/labelsstatus.cpp" line="+11"/>
        <source>Labels shown</source>
        <translation>Angezeigte Labels</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Labels: %1</source>
        <translation>Labels: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>(+%n other model(s))</source>
        <translation>
            <numerusform>(+%n weiteres Modell)</numerusform>
            <numerusform>(+%n weitere Modelle)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The grid, the chart and the exports show the labels of %1.</source>
        <translation>Raster, Diagramm und Exporte zeigen die Labels von %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1: labels for %n image(s)</source>
        <translation>
            <numerusform>%1: Labels für %n Bild</numerusform>
            <numerusform>%1: Labels für %n Bilder</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>View ▸ Labels From chooses another.</source>
        <translation>Ansicht ▸ Labels von wählt ein anderes.</translation>
    </message>
</context>
<context>
    <name>taglens::ui::MainMenus</name>
    <message>
        <location filename="../../ui/mainmenus.cpp" line="+30"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New Project…</source>
        <translation>&amp;Neues Projekt…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open Project…</source>
        <translation>Projekt ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save Project &amp;As…</source>
        <translation>Projekt speichern &amp;unter…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add &amp;Images…</source>
        <translation>Bi&amp;lder hinzufügen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add Fol&amp;der…</source>
        <translation>&amp;Ordner hinzufügen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add Image Addr&amp;esses…</source>
        <translation>Bild&amp;adressen hinzufügen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A&amp;ccounts…</source>
        <translation>&amp;Konten…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log in to Mastodon, Pixelfed or Instagram, or log out</source>
        <translation>Bei Mastodon, Pixelfed oder Instagram an- oder abmelden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;View</source>
        <translation>A&amp;nsicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Labels From</source>
        <translation>&amp;Labels von</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Classify the Rest</source>
        <translation>Den &amp;Rest klassifizieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give every image of the project labels of the current model (images labelled only by another model get them from the images kept in the project).</source>
        <translation>Jedem Bild des Projekts Labels des aktuellen Modells geben (Bilder, die nur ein anderes Modell beschriftet hat, bekommen sie aus den im Projekt gespeicherten Bildern).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ha&amp;rvest</source>
        <translation>&amp;Abrufen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>E&amp;xport</source>
        <translation>E&amp;xportieren</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S&amp;top</source>
        <translation>Sto&amp;pp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit Tags</source>
        <translation>Tags &amp;bearbeiten</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set Up &amp;Model…</source>
        <translation>&amp;Modell einrichten…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About TagLens</source>
        <translation>&amp;Über TagLens</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%1 (%n image(s))</source>
        <translation>
            <numerusform>%1 (%n Bild)</numerusform>
            <numerusform>%1 (%n Bilder)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show the labels this model gave, in the grid, the chart and the exports</source>
        <translation>Die Labels dieses Modells zeigen, im Raster, im Diagramm und in den Exporten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No Labels Yet</source>
        <translation>Noch keine Labels</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>About TagLens</source>
        <translation>Über TagLens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TagLens %1</source>
        <translation>TagLens %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What do people show in the pictures they post under a hashtag? TagLens collects them, recognises their motifs and compares tags.

Licensed under the GNU GPL, version 3 or later.</source>
        <translation>Was zeigen Menschen auf den Bildern, die sie unter einem Hashtag posten? TagLens sammelt sie, erkennt ihre Motive und vergleicht Tags.

Lizenziert unter der GNU GPL, Version 3 oder neuer.</translation>
    </message>
</context>
<context>
    <name>taglens::ui::MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="+108"/>
        <source>Error message</source>
        <translation>Fehlermeldung</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Model status</source>
        <translation>Modellstatus</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Preferences saved; they apply to the next harvest.</source>
        <translation>Einstellungen gespeichert; sie gelten ab dem nächsten Abruf.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Stop the harvest before opening another project.</source>
        <translation>Halte den Abruf an, bevor du ein anderes Projekt öffnest.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+19"/>
        <source>A project is being opened or saved; try again when it is done.</source>
        <translation>Gerade wird ein Projekt geöffnet oder gespeichert; versuche es erneut, wenn das erledigt ist.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saving %1…</source>
        <translation>%1 wird gespeichert…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Could not open %1: %2</source>
        <translation>%1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>There is no project to save.</source>
        <translation>Es gibt kein Projekt zum Speichern.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stop the harvest before saving the project under another name.</source>
        <translation>Halte den Abruf an, bevor du das Projekt unter einem anderen Namen speicherst.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The last project, %1, is gone.</source>
        <translation>Das zuletzt geöffnete Projekt %1 gibt es nicht mehr.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not save the project as %1: %2</source>
        <translation>Das Projekt konnte nicht als %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not choose the labels to show: %1</source>
        <translation>Die gezeigten Labels konnten nicht gewählt werden: %1</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>The new images are labelled by %1; the window shows the labels of another model (View ▸ Labels From).</source>
        <translation>Die neuen Bilder bekommen Labels von %1; das Fenster zeigt die Labels eines anderen Modells (Ansicht ▸ Labels von).</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Open a project first.</source>
        <translation>Öffne zuerst ein Projekt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wait until the harvest or the project is done, then classify the rest.</source>
        <translation>Warte, bis der Abruf oder das Projekt fertig ist, und klassifiziere dann den Rest.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No model is installed to classify with (Help ▸ Set Up Model…).</source>
        <translation>Es ist kein Modell zum Klassifizieren installiert (Hilfe ▸ Modell einrichten…).</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>No model is installed: harvests cannot classify.</source>
        <translation>Es ist kein Modell installiert: Abrufe können nicht klassifizieren.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No project</source>
        <translation>Kein Projekt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — TagLens</source>
        <translation>%1 — TagLens</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+9"/>
        <location line="+14"/>
        <source>TagLens projects (*.taglens)</source>
        <translation>TagLens-Projekte (*.taglens)</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>New Project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is the project that is open.</source>
        <translation>%1 ist das geöffnete Projekt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save Project As</source>
        <translation>Projekt speichern unter</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Quit TagLens</source>
        <translation>TagLens beenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A harvest is running. Stop it and quit?</source>
        <translation>Ein Abruf läuft. Anhalten und beenden?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What is done is kept in the project; starting the same harvest again resumes it.</source>
        <translation>Das Erledigte bleibt im Projekt; derselbe Abruf setzt beim nächsten Start dort fort.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Stop and Quit</source>
        <translation>&amp;Anhalten und beenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the harvest and quit</source>
        <translation>Den Abruf anhalten und beenden</translation>
    </message>
</context>
<context>
    <name>taglens::ui::ModelSetupDialog</name>
    <message>
        <location filename="../../ui/modelsetupdialog.cpp" line="+45"/>
        <source>Choose a &amp;File…</source>
        <translation>&amp;Datei wählen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+182"/>
        <source>Continue &amp;Without Classification</source>
        <translation>&amp;Ohne Klassifizierung fortfahren</translation>
    </message>
    <message>
        <location line="-181"/>
        <source>&amp;Cancel Download</source>
        <translation>Herunterladen &amp;abbrechen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set Up the Image Model</source>
        <translation>Das Bildmodell einrichten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose Model Weights</source>
        <translation>Modellgewichte wählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PyTorch models (*.pth *.pt);;All files (*)</source>
        <translation>PyTorch-Modelle (*.pth *.pt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+171"/>
        <source>TagLens recognises what pictures show with an image model, and none is installed yet.

Download the official Inception-v3 ImageNet weights (about %1) from download.pytorch.org, install a weights or TorchScript file you already have, or continue without classification: you can still open and export projects.

Models are installed in %2.</source>
        <translation>TagLens erkennt mit einem Bildmodell, was Bilder zeigen, und es ist noch keines installiert.

Lade die offiziellen Inception-v3-ImageNet-Gewichte (etwa %1) von download.pytorch.org herunter, installiere eine Gewichts- oder TorchScript-Datei, die du schon hast, oder fahre ohne Klassifizierung fort: Projekte kannst du trotzdem öffnen und exportieren.

Modelle werden in %2 installiert.</translation>
    </message>
    <message>
        <location line="-166"/>
        <source>&amp;Download (%1)</source>
        <translation>&amp;Herunterladen (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Download the official model</source>
        <translation>Das offizielle Modell herunterladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Install a model file from disk</source>
        <translation>Eine Modelldatei vom Datenträger installieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+168"/>
        <source>Continue without classification</source>
        <translation>Ohne Klassifizierung fortfahren</translation>
    </message>
    <message>
        <location line="-167"/>
        <source>Cancel download</source>
        <translation>Herunterladen abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download progress</source>
        <translation>Fortschritt des Herunterladens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download status</source>
        <translation>Status des Herunterladens</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error message</source>
        <translation>Fehlermeldung</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1 of %2 (%3/s)</source>
        <translation>%1 von %2 (%3/s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown size</source>
        <translation>unbekannte Größe</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Download cancelled. Starting it again resumes where it stopped.</source>
        <translation>Herunterladen abgebrochen. Ein erneuter Start setzt dort fort, wo es aufgehört hat.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The download failed: %1</source>
        <translation>Das Herunterladen ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Installed the official model as %1.</source>
        <translation>Das offizielle Modell wurde als %1 installiert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installed %1 as a custom model: its labels are only as good as its training.</source>
        <translation>%1 wurde als eigenes Modell installiert: Seine Labels sind nur so gut wie sein Training.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>TagLens classifies with the model %1 (in %2).

Download the official Inception-v3 ImageNet weights (about %3) again, or install another weights or TorchScript file to use it from now on. Closing this window keeps the model in use.</source>
        <translation>TagLens klassifiziert mit dem Modell %1 (in %2).

Laden Sie die offiziellen Inception-v3-ImageNet-Gewichte (etwa %3) erneut herunter oder installieren Sie eine andere Gewichts- oder TorchScript-Datei, um sie ab jetzt zu verwenden. Wenn Sie dieses Fenster schließen, bleibt das aktuelle Modell in Gebrauch.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Keep the Current Model</source>
        <translation>Aktuelles Modell &amp;behalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the current model</source>
        <translation>Aktuelles Modell behalten</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Checking and converting %1…</source>
        <translation>%1 wird geprüft und umgewandelt…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This build cannot convert models.</source>
        <translation>Diese Version kann keine Modelle umwandeln.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The model could not be installed: %1</source>
        <translation>Das Modell konnte nicht installiert werden: %1</translation>
    </message>
</context>
<context>
    <name>taglens::ui::MotifTableModel</name>
    <message>
        <location filename="../../ui/charts/motiftablemodel.cpp" line="+23"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>#%1 · %2: %3 of %n classified image(s)</source>
        <translation>
            <numerusform>#%1 · %2: %3 von %n klassifizierten Bild</numerusform>
            <numerusform>#%1 · %2: %3 von %n klassifizierten Bildern</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The tag&apos;s classified images whose top label this is, at the minimum score or above</source>
        <translation>Die klassifizierten Bilder des Tags, deren bestes Label dieses ist, ab der Mindestkonfidenz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The tag&apos;s images that the shown model labelled: what the share is a share of</source>
        <translation>Die Bilder des Tags, die das gezeigte Modell beschriftet hat: wovon der Anteil ein Anteil ist</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Images ÷ classified</source>
        <translation>Bilder ÷ klassifiziert</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Motif</source>
        <translation>Motiv</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Classified</source>
        <translation>Klassifiziert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
</context>
<context>
    <name>taglens::ui::ProjectExports</name>
    <message>
        <location filename="../../ui/projectexports.cpp" line="+120"/>
        <source>Open a project to export it.</source>
        <translation>Öffne ein Projekt, um es zu exportieren.</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Exporting %1…</source>
        <translation>%1 wird exportiert…</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The grid shows %1 of %n image(s).</source>
        <translation>
            <numerusform>Das Raster zeigt %1 von %n Bild.</numerusform>
            <numerusform>Das Raster zeigt %1 von %n Bildern.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Shown: %1. The file records which images it holds.</source>
        <translation>Gezeigt: %1. Die Datei hält fest, welche Bilder sie enthält.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Export &amp;All %n</source>
        <translation>
            <numerusform>&amp;Alle %n exportieren</numerusform>
            <numerusform>&amp;Alle %n exportieren</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export every image of the project</source>
        <translation>Jedes Bild des Projekts exportieren</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Export the %n &amp;Shown</source>
        <translation>
            <numerusform>Die %n &amp;gezeigten exportieren</numerusform>
            <numerusform>Die %n &amp;gezeigten exportieren</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export only the images shown</source>
        <translation>Nur die gezeigten Bilder exportieren</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Could not encode the chart.</source>
        <translation>Das Diagramm konnte nicht kodiert werden.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Could not export: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
</context>
<context>
    <name>taglens::ui::ProjectModel</name>
    <message>
        <location filename="../../ui/projectmodel.cpp" line="+399"/>
        <source>#%1: %2 (%3%)</source>
        <translation>#%1: %2 (%3 %)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>#%1: not classified</source>
        <translation>#%1: nicht klassifiziert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>#%1: %2 — %3</source>
        <translation>#%1: %2 — %3</translation>
    </message>
</context>
<context>
    <name>taglens::ui::RecentProjects</name>
    <message>
        <location filename="../../ui/recentprojects.cpp" line="+86"/>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Clear Recent Projects</source>
        <translation>Zuletzt geöffnete Projekte &amp;leeren</translation>
    </message>
</context>
<context>
    <name>taglens::ui::SearchBar</name>
    <message>
        <location filename="../../ui/searchbar.cpp" line="+30"/>
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;top</source>
        <translation>Sto&amp;pp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a Folder of Images</source>
        <translation>Einen Ordner mit Bildern wählen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the folder</source>
        <translation>Den Ordner wählen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+152"/>
        <source>Hashtags, e.g. #cats #dogs</source>
        <translation>Hashtags, z. B. #katzen #hunde</translation>
    </message>
    <message>
        <location line="-151"/>
        <source>Hashtags</source>
        <translation>Hashtags</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type hashtags; Space, comma or Enter adds each. Enter again starts.</source>
        <translation>Tippe Hashtags ein; Leertaste, Komma oder Eingabe fügt jeden hinzu. Erneut Eingabe startet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mastodon</source>
        <translation>Mastodon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pixelfed</source>
        <translation>Pixelfed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instagram</source>
        <translation>Instagram</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local folder</source>
        <translation>Lokaler Ordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+138"/>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <location line="-137"/>
        <location line="+139"/>
        <source>Instance, e.g. mastodon.social</source>
        <translation>Instanz, z. B. mastodon.social</translation>
    </message>
    <message>
        <location line="-138"/>
        <source>Recent (24 h)</source>
        <translation>Neueste (24 h)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top posts</source>
        <translation>Top-Beiträge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instagram media</source>
        <translation>Instagram-Medien</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recent: the public posts of the last 24 hours. Top: the most popular posts.</source>
        <translation>Neueste: die öffentlichen Beiträge der letzten 24 Stunden. Top: die beliebtesten Beiträge.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Instagram hashtag budget</source>
        <translation>Instagram-Hashtag-Kontingent</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Images per tag</source>
        <translation>Bilder pro Tag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> per tag</source>
        <translation> pro Tag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start harvest</source>
        <translation>Abruf starten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop harvest</source>
        <translation>Abruf anhalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stops the harvest; what is done is kept, and Start resumes where it stopped.</source>
        <translation>Hält den Abruf an; das Erledigte bleibt erhalten, und Starten setzt dort fort, wo er angehalten wurde.</translation>
    </message>
    <message>
        <location line="-36"/>
        <location line="+154"/>
        <source>&amp;Tags:</source>
        <translation>&amp;Tags:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Collection:</source>
        <translation>Samm&amp;lung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder with images</source>
        <translation>Ordner mit Bildern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Collection name, e.g. holidays</source>
        <translation>Name der Sammlung, z. B. urlaub</translation>
    </message>
</context>
<context>
    <name>taglens::ui::SettingsDialog</name>
    <message>
        <location filename="../../ui/settingsdialog.cpp" line="+34"/>
        <source>Model threads</source>
        <translation>Modell-Threads</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labels stored per image</source>
        <translation>Gespeicherte Labels pro Bild</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Concurrent downloads per server</source>
        <translation>Gleichzeitige Downloads pro Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thumbnail size</source>
        <translation>Größe der Vorschaubilder</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Projects Folder</source>
        <translation>Projektordner</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One per core (%1)</source>
        <translation>Einer pro Kern (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threads the model uses for one batch; more is faster until the cores run out.</source>
        <translation>Threads, die das Modell für einen Batch nutzt; mehr ist schneller, bis die Kerne ausgehen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images classified together; larger batches are a little faster and use more memory.</source>
        <translation>Gemeinsam klassifizierte Bilder; größere Batches sind etwas schneller und brauchen mehr Speicher.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many of the best labels are stored for each image.</source>
        <translation>Wie viele der besten Labels für jedes Bild gespeichert werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests sent to one server at the same time. Fewer is kinder to small instances.</source>
        <translation>Gleichzeitig an einen Server gesendete Anfragen. Weniger schont kleine Instanzen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest side of the thumbnails stored in the project.</source>
        <translation>Längste Seite der im Projekt gespeicherten Vorschaubilder.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Projects folder</source>
        <translation>Projektordner</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where New Project and Open Project start.</source>
        <translation>Wo Neues Projekt und Projekt öffnen beginnen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the projects folder</source>
        <translation>Den Projektordner wählen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Model &amp;threads:</source>
        <translation>Modell-&amp;Threads:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Batch size:</source>
        <translation>&amp;Batchgröße:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Labels per image:</source>
        <translation>&amp;Labels pro Bild:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Downloads per server:</source>
        <translation>&amp;Downloads pro Server:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;humbnail size:</source>
        <translation>&amp;Vorschaubildgröße:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Projects folder:</source>
        <translation>&amp;Projektordner:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Changes apply to the next harvest.</source>
        <translation>Änderungen gelten ab dem nächsten Abruf.</translation>
    </message>
</context>
<context>
    <name>taglens::ui::TagMotifChart</name>
    <message>
        <location filename="../../ui/charts/tagmotifchart.cpp" line="+56"/>
        <source>share of the tag&apos;s classified images</source>
        <translation>Anteil an den klassifizierten Bildern des Tags</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+45"/>
        <source>Motifs per tag</source>
        <translation>Motive pro Tag</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Arrow keys choose a bar, Enter shows its images.</source>
        <translation>Pfeiltasten wählen einen Balken, Eingabe zeigt seine Bilder.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Motifs per tag, as a table</source>
        <translation>Motive pro Tag als Tabelle</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Table</source>
        <translation>&amp;Tabelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the chart&apos;s numbers as a table</source>
        <translation>Die Zahlen des Diagramms als Tabelle zeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show as a table</source>
        <translation>Als Tabelle zeigen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Selected bar</source>
        <translation>Gewählter Balken</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Minimum score</source>
        <translation>Mindestkonfidenz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count an image under its top label only when the model is at least this sure.</source>
        <translation>Ein Bild nur dann unter seinem besten Label zählen, wenn das Modell mindestens so sicher ist.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Top </source>
        <translation>Top </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Motifs per tag; fewer are shown while the chart is too small to label them.</source>
        <translation>Motive pro Tag; weniger werden gezeigt, solange das Diagramm zu klein ist, um sie zu beschriften.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Minimum &amp;score:</source>
        <translation>Mindest&amp;konfidenz:</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>No classified images yet</source>
        <translation>Noch keine klassifizierten Bilder</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What the pictures show</source>
        <translation>Was die Bilder zeigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Untrained test model: these labels mean nothing</source>
        <translation>Untrainiertes Testmodell: Diese Labels bedeuten nichts</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>#%1 · %2: %3 of %n classified image(s) (%4 %)</source>
        <translation>
            <numerusform>#%1 · %2: %3 von %n klassifizierten Bild (%4 %)</numerusform>
            <numerusform>#%1 · %2: %3 von %n klassifizierten Bildern (%4 %)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Point at a bar or use the arrow keys for its numbers.</source>
        <translation>Zeige auf einen Balken oder nutze die Pfeiltasten für seine Zahlen.</translation>
    </message>
    <message>
        <location line="+162"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Share of each tag&apos;s classified images by top-1 label, top-1 score ≥ %1 %; tags: %2</source>
        <translation>Anteil der klassifizierten Bilder jedes Tags nach Top-1-Label, Top-1-Score ≥ %1 %; Tags: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>TagLens motif chart</source>
        <translation>TagLens-Motivdiagramm</translation>
    </message>
</context>
<context>
    <name>taglens::ui::ThumbnailDelegate</name>
    <message>
        <location filename="../../ui/thumbnaildelegate.cpp" line="+60"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No image</source>
        <translation>Kein Bild</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>untrained</source>
        <translation>untrainiert</translation>
    </message>
</context>
</TS>
