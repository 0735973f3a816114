<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/audit_view.py" line="83"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/audit_view.py" line="84"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/audit_view.py" line="85"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/audit_view.py" line="86"/>
        <source>Clinician</source>
        <translation>Behandelnde Person</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/audit_view.py" line="87"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/audit_view.py" line="88"/>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/audit_view.py" line="89"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/audit_view.py" line="151"/>
        <source>Audit trail</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/audit_view.py" line="157"/>
        <source>All clinicians</source>
        <translation>Alle Behandelnden</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/audit_view.py" line="159"/>
        <source>Patient number (MRN)</source>
        <translation>Patientennummer (MRN)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/audit_view.py" line="163"/>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/audit_view.py" line="166"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/audit_view.py" line="168"/>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/audit_view.py" line="173"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/audit_view.py" line="175"/>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/audit_view.py" line="177"/>
        <source>Export JSON…</source>
        <translation>Als JSON exportieren…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pixiodoc_desktop/gui/views/audit_view.py" line="238"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Ereignis</numerusform>
            <numerusform>%n Ereignisse</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/audit_view.py" line="244"/>
        <source>Export the audit trail</source>
        <translation>Protokoll exportieren</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pixiodoc_desktop/gui/views/audit_view.py" line="258"/>
        <source>Exported %n event(s).</source>
        <translation>
            <numerusform>%n Ereignis exportiert.</numerusform>
            <numerusform>%n Ereignisse exportiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditWords</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_words.py" line="19"/>
        <source>Logged in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_words.py" line="20"/>
        <source>Login failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_words.py" line="21"/>
        <source>Logged out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_words.py" line="22"/>
        <source>Session locked</source>
        <translation>Sitzung gesperrt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_words.py" line="23"/>
        <source>Clinician added</source>
        <translation>Behandelnde/r angelegt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_words.py" line="24"/>
        <source>Clinician deactivated</source>
        <translation>Behandelnde/r deaktiviert</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_words.py" line="25"/>
        <source>Role changed</source>
        <translation>Rolle geändert</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_words.py" line="26"/>
        <source>Password changed</source>
        <translation>Passwort geändert</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_words.py" line="27"/>
        <source>Emergency access started</source>
        <translation>Notfallzugriff begonnen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_words.py" line="30"/>
        <source>Emergency access ended</source>
        <translation>Notfallzugriff beendet</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_words.py" line="33"/>
        <source>Access granted</source>
        <translation>Zugriff gewährt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_words.py" line="34"/>
        <source>Access revoked</source>
        <translation>Zugriff entzogen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_words.py" line="35"/>
        <source>Patient created</source>
        <translation>Patient angelegt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_words.py" line="36"/>
        <source>Patient record opened</source>
        <translation>Patientenakte geöffnet</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_words.py" line="37"/>
        <source>Patient record changed</source>
        <translation>Patientenakte geändert</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_words.py" line="38"/>
        <source>Patient erased</source>
        <translation>Patient gelöscht</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_words.py" line="39"/>
        <source>Patients searched</source>
        <translation>Patienten gesucht</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_words.py" line="40"/>
        <source>Photo added</source>
        <translation>Foto hinzugefügt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_words.py" line="41"/>
        <source>Photo viewed</source>
        <translation>Foto angesehen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_words.py" line="42"/>
        <source>Photo changed</source>
        <translation>Foto geändert</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_words.py" line="43"/>
        <source>Photo deleted</source>
        <translation>Foto gelöscht</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_words.py" line="44"/>
        <source>Data exported</source>
        <translation>Daten exportiert</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_words.py" line="45"/>
        <source>Backup or restore</source>
        <translation>Sicherung oder Wiederherstellung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_words.py" line="46"/>
        <source>Sync round</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_words.py" line="47"/>
        <source>Security setting changed</source>
        <translation>Sicherheitseinstellung geändert</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_words.py" line="50"/>
        <source>Security alert</source>
        <translation>Sicherheitswarnung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_words.py" line="51"/>
        <source>Audit trail accessed</source>
        <translation>Protokoll eingesehen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_words.py" line="58"/>
        <source>success</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_words.py" line="59"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_words.py" line="60"/>
        <source>denied</source>
        <translation>verweigert</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_words.py" line="78"/>
        <source>Erased patient</source>
        <translation>Gelöschter Patient</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="35"/>
        <source>Patient record</source>
        <translation>Patientenakte</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="36"/>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="153"/>
        <source>Visit</source>
        <translation>Besuch</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="37"/>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="38"/>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="99"/>
        <source>Lesion</source>
        <translation>Läsion</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="39"/>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="132"/>
        <source>Consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="40"/>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="69"/>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="150"/>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="264"/>
        <source>Clinician</source>
        <translation>Behandelnde Person</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="41"/>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="70"/>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="42"/>
        <source>Emergency access</source>
        <translation>Notfallzugriff</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="43"/>
        <source>Access to a record</source>
        <translation>Zugriff auf eine Akte</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="44"/>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="141"/>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="45"/>
        <source>Note</source>
        <translation>Bemerkung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="46"/>
        <source>Second opinion</source>
        <translation>Zweitmeinung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="47"/>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="104"/>
        <source>Secure link</source>
        <translation>Sicherer Link</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="55"/>
        <source>Accepted on</source>
        <translation>Angenommen am</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="56"/>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="101"/>
        <source>Access</source>
        <translation>Zugriff</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="57"/>
        <source>Action</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="58"/>
        <source>Alert</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="59"/>
        <source>Annotations</source>
        <translation>Anmerkungen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="60"/>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="61"/>
        <source>Batch</source>
        <translation>Paket</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="62"/>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="63"/>
        <source>Browser</source>
        <translation>Browser</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="64"/>
        <source>Case bundle</source>
        <translation>Fallpaket</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="65"/>
        <source>By</source>
        <translation>Durch</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="66"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="67"/>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="68"/>
        <source>Parts</source>
        <translation>Teile</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="71"/>
        <source>Comparisons</source>
        <translation>Vergleiche</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="72"/>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="73"/>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="74"/>
        <source>Batches covered</source>
        <translation>Enthaltene Pakete</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="75"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="76"/>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="77"/>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="78"/>
        <source>Workstation</source>
        <translation>Arbeitsplatz</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="79"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="80"/>
        <source>In the EU</source>
        <translation>In der EU</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="81"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="82"/>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="83"/>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="84"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="85"/>
        <source>Faults</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="86"/>
        <source>Fetched</source>
        <translation>Abgerufen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="87"/>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="88"/>
        <source>Figures</source>
        <translation>Abbildungen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="89"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="90"/>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="91"/>
        <source>First</source>
        <translation>Erstes</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="92"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="93"/>
        <source>Found</source>
        <translation>Gefunden</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="94"/>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="142"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="95"/>
        <source>Granted</source>
        <translation>Erteilt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="96"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="97"/>
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="98"/>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="100"/>
        <source>Lesions</source>
        <translation>Läsionen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="102"/>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="103"/>
        <source>At most</source>
        <translation>Höchstens</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="105"/>
        <source>Login</source>
        <translation>Anmeldename</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="106"/>
        <source>Marks</source>
        <translation>Markierungen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="107"/>
        <source>Measurements</source>
        <translation>Messungen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="108"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="109"/>
        <source>Modality</source>
        <translation>Modalität</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="110"/>
        <source>Objects</source>
        <translation>Objekte</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="111"/>
        <source>From result</source>
        <translation>Ab Treffer</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="112"/>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="113"/>
        <source>Operating system</source>
        <translation>Betriebssystem</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="114"/>
        <source>Passcode</source>
        <translation>Zugangscode</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="115"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="116"/>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="117"/>
        <source>Plan</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="118"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="119"/>
        <source>Protection</source>
        <translation>Schutz</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="120"/>
        <source>Images received</source>
        <translation>Empfangene Bilder</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="121"/>
        <source>Changes received</source>
        <translation>Empfangene Änderungen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="122"/>
        <source>Images sent</source>
        <translation>Gesendete Bilder</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="123"/>
        <source>Changes sent</source>
        <translation>Gesendete Änderungen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="124"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="125"/>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="126"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="127"/>
        <source>Resolved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="128"/>
        <source>Results</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="129"/>
        <source>Kept for (days)</source>
        <translation>Aufbewahrt (Tage)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="130"/>
        <source>Retention hold</source>
        <translation>Aufbewahrungssperre</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="131"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="133"/>
        <source>Screen</source>
        <translation>Bildschirm</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="134"/>
        <source>Workstations</source>
        <translation>Arbeitsplätze</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="135"/>
        <source>Second</source>
        <translation>Zweites</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="136"/>
        <source>Second opinions</source>
        <translation>Zweitmeinungen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="137"/>
        <source>Encrypted connection</source>
        <translation>Verschlüsselte Verbindung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="138"/>
        <source>Secure links revoked</source>
        <translation>Widerrufene sichere Links</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="139"/>
        <source>Sender</source>
        <translation>Absender</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="140"/>
        <source>Sender verified</source>
        <translation>Absender geprüft</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="143"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="144"/>
        <source>Snapshot</source>
        <translation>Momentaufnahme</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="145"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="146"/>
        <source>Studies</source>
        <translation>Studien</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="147"/>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="148"/>
        <source>Trigger</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="149"/>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="151"/>
        <source>Valid (minutes)</source>
        <translation>Gültig (Minuten)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="152"/>
        <source>Via</source>
        <translation>Über</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="154"/>
        <source>Visits</source>
        <translation>Besuche</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="155"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="163"/>
        <source>viewed</source>
        <translation>angesehen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="164"/>
        <source>exported</source>
        <translation>exportiert</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="165"/>
        <source>purged</source>
        <translation>bereinigt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="166"/>
        <source>verified</source>
        <translation>geprüft</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="167"/>
        <source>created</source>
        <translation>erstellt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="168"/>
        <source>edit</source>
        <translation>bearbeiten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="169"/>
        <source>backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="170"/>
        <source>restore</source>
        <translation>Wiederherstellung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="171"/>
        <source>repair</source>
        <translation>Reparatur</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="172"/>
        <source>emergency accesses listed</source>
        <translation>Notfallzugriffe aufgelistet</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="173"/>
        <source>emergency access acknowledged</source>
        <translation>Notfallzugriff bestätigt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="176"/>
        <source>enrollment code made</source>
        <translation>Einrichtungscode erstellt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="179"/>
        <source>sync snapshot written</source>
        <translation>Momentaufnahme der Synchronisation geschrieben</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="181"/>
        <source>Compare window</source>
        <translation>Vergleichsfenster</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="182"/>
        <source>Patient&apos;s screen</source>
        <translation>Patientenbildschirm</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="183"/>
        <source>thumbnail</source>
        <translation>Vorschaubild</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="184"/>
        <source>screen image</source>
        <translation>Bildschirmbild</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="185"/>
        <source>original</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="187"/>
        <source>import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="188"/>
        <source>camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="189"/>
        <source>hot folder</source>
        <translation>überwachter Ordner</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="190"/>
        <source>phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="191"/>
        <source>automatic outline</source>
        <translation>automatischer Umriss</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="192"/>
        <source>corrected outline</source>
        <translation>korrigierter Umriss</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="193"/>
        <source>traced by hand</source>
        <translation>von Hand nachgezeichnet</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="194"/>
        <source>practice network</source>
        <translation>Praxisnetz</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="195"/>
        <source>clinic&apos;s cloud storage</source>
        <translation>Cloud-Speicher der Praxis</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="196"/>
        <source>case bundle</source>
        <translation>Fallpaket</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="197"/>
        <source>secure link</source>
        <translation>sicherer Link</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="199"/>
        <source>label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="200"/>
        <source>place on the body map</source>
        <translation>Stelle auf der Körperkarte</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="201"/>
        <source>status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="202"/>
        <source>measurement</source>
        <translation>Messung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="203"/>
        <source>biopsy</source>
        <translation>Biopsie</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="204"/>
        <source>excision</source>
        <translation>Exzision</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="206"/>
        <source>password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="207"/>
        <source>recovery key</source>
        <translation>Wiederherstellungsschlüssel</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="208"/>
        <source>keys destroyed (crypto-shredding)</source>
        <translation>Schlüssel vernichtet (Crypto-Shredding)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="211"/>
        <source>reset by an Admin</source>
        <translation>von einer Administratorin / einem Administrator zurückgesetzt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="212"/>
        <source>name or number</source>
        <translation>Name oder Nummer</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="213"/>
        <source>date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="214"/>
        <source>consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="215"/>
        <source>no consent to sharing</source>
        <translation>keine Einwilligung zur Weitergabe</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="216"/>
        <source>account deactivated</source>
        <translation>Konto deaktiviert</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="217"/>
        <source>retention hold</source>
        <translation>Aufbewahrungssperre</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="218"/>
        <source>imported case</source>
        <translation>importierter Fall</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="219"/>
        <source>cannot be opened or altered</source>
        <translation>kann nicht geöffnet oder verändert werden</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="222"/>
        <source>deactivated account</source>
        <translation>deaktiviertes Konto</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="223"/>
        <source>locked out after failed attempts</source>
        <translation>nach Fehlversuchen gesperrt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="224"/>
        <source>record of failed unlocks removed or replaced</source>
        <translation>Aufzeichnung der Fehlversuche entfernt oder ersetzt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="227"/>
        <source>an Admin</source>
        <translation>eine Administratorin / ein Administrator</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="228"/>
        <source>changes since the last snapshot</source>
        <translation>Änderungen seit der letzten Momentaufnahme</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="232"/>
        <source>consultation report</source>
        <translation>Befundbericht</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="233"/>
        <source>comparison handout</source>
        <translation>Vergleichsblatt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="234"/>
        <source>original image</source>
        <translation>Originalbild</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="235"/>
        <source>second opinion</source>
        <translation>Zweitmeinung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="236"/>
        <source>reply by secure link</source>
        <translation>Antwort über sicheren Link</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="237"/>
        <source>patient data</source>
        <translation>Patientendaten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="238"/>
        <source>audit chain</source>
        <translation>Protokollkette</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="239"/>
        <source>audit anchors</source>
        <translation>Protokollanker</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="240"/>
        <source>sync batches</source>
        <translation>Synchronisationspakete</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="241"/>
        <source>sync batch links</source>
        <translation>Verkettung der Synchronisationspakete</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="242"/>
        <source>sync images</source>
        <translation>Synchronisierte Bilder</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="243"/>
        <source>sync snapshot</source>
        <translation>Momentaufnahme der Synchronisation</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="244"/>
        <source>vault check</source>
        <translation>Prüfung des Tresors</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="246"/>
        <source>audit retention</source>
        <translation>Aufbewahrung des Protokolls</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="247"/>
        <source>body series poses</source>
        <translation>Posen der Körperserie</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="248"/>
        <source>case bundle key</source>
        <translation>Schlüssel für Fallpakete</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="249"/>
        <source>case bundle signing key</source>
        <translation>Signaturschlüssel für Fallpakete</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="252"/>
        <source>key renewal</source>
        <translation>Schlüsselerneuerung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="253"/>
        <source>lesion growth threshold</source>
        <translation>Schwelle für Läsionswachstum</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="256"/>
        <source>PACS</source>
        <translation>PACS</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="257"/>
        <source>plan</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="258"/>
        <source>sync endpoint</source>
        <translation>Synchronisationsziel</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="259"/>
        <source>enrollment code for a workstation</source>
        <translation>Einrichtungscode für einen Arbeitsplatz</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="262"/>
        <source>demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="265"/>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="266"/>
        <source>View</source>
        <translation>Ansehen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="267"/>
        <source>View and reply</source>
        <translation>Ansehen und antworten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="268"/>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="276"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/audit_details.py" line="278"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>BodyMap</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/body_map.py" line="79"/>
        <source>Body map</source>
        <translation>Körperkarte</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/body_map.py" line="268"/>
        <source>Lesions: %1</source>
        <translation>Läsionen: %1</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/body_map_pages.py" line="75"/>
        <source>Front</source>
        <translation>Vorderseite</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/body_map_pages.py" line="65"/>
        <source>Front/back</source>
        <translation>Vorn/hinten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/body_map_pages.py" line="66"/>
        <source>Sides</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/body_map_pages.py" line="67"/>
        <source>Face</source>
        <translation>Gesicht</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/body_map_pages.py" line="68"/>
        <source>Hands</source>
        <translation>Hände</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/body_map_pages.py" line="69"/>
        <source>Feet</source>
        <translation>Füße</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/body_map_pages.py" line="76"/>
        <source>Back</source>
        <translation>Rückseite</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/body_map_pages.py" line="77"/>
        <source>Left side</source>
        <translation>Linke Seite</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/body_map_pages.py" line="78"/>
        <source>Right side</source>
        <translation>Rechte Seite</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/body_map_pages.py" line="79"/>
        <source>Face and scalp</source>
        <translation>Gesicht und Kopfhaut</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/body_map_pages.py" line="80"/>
        <source>Palms above, backs of the hands below</source>
        <translation>Oben Handflächen, unten Handrücken</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/body_map_pages.py" line="83"/>
        <source>Tops of the feet above, soles below</source>
        <translation>Oben Fußrücken, unten Fußsohlen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/body_map_pages.py" line="89"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/body_map_pages.py" line="90"/>
        <source>Grown</source>
        <translation>Gewachsen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/body_map_pages.py" line="91"/>
        <source>Stable</source>
        <translation>Stabil</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/body_map_pages.py" line="92"/>
        <source>Biopsied</source>
        <translation>Biopsiert</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/body_map_pages.py" line="93"/>
        <source>Excised</source>
        <translation>Exzidiert</translation>
    </message>
</context>
<context>
    <name>BodyMapPanel</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/body_map_panel.py" line="42"/>
        <location filename="../../pixiodoc_desktop/gui/views/body_map_panel.py" line="99"/>
        <source>Click the body map where the lesion is.</source>
        <translation>Klicken Sie auf der Körperkarte dorthin, wo die Läsion ist.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/body_map_panel.py" line="45"/>
        <source>New lesion here…</source>
        <translation>Neue Läsion hier…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/body_map_panel.py" line="105"/>
        <source>Chosen: %1</source>
        <translation>Gewählt: %1</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/body_map_panel.py" line="107"/>
        <source>Lesions: %1</source>
        <translation>Läsionen: %1</translation>
    </message>
</context>
<context>
    <name>BodySeries</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/pose_labels.py" line="14"/>
        <source>Front, arms at the sides</source>
        <translation>Vorderseite, Arme seitlich</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/pose_labels.py" line="15"/>
        <source>Back, arms at the sides</source>
        <translation>Rückseite, Arme seitlich</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/pose_labels.py" line="16"/>
        <source>Left side, arms raised</source>
        <translation>Linke Seite, Arme erhoben</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/pose_labels.py" line="17"/>
        <source>Right side, arms raised</source>
        <translation>Rechte Seite, Arme erhoben</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/pose_labels.py" line="18"/>
        <source>Front, arms raised</source>
        <translation>Vorderseite, Arme erhoben</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/pose_labels.py" line="19"/>
        <source>Back, arms raised</source>
        <translation>Rückseite, Arme erhoben</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/pose_labels.py" line="20"/>
        <source>Legs, front</source>
        <translation>Beine, vorne</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/pose_labels.py" line="21"/>
        <source>Legs, back</source>
        <translation>Beine, hinten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/pose_labels.py" line="22"/>
        <source>Head and neck, front</source>
        <translation>Kopf und Hals, vorne</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/pose_labels.py" line="23"/>
        <source>Head and neck, back</source>
        <translation>Kopf und Hals, hinten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/pose_labels.py" line="24"/>
        <source>Head, left side</source>
        <translation>Kopf, linke Seite</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/pose_labels.py" line="25"/>
        <source>Head, right side</source>
        <translation>Kopf, rechte Seite</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/pose_labels.py" line="26"/>
        <source>Soles of the feet</source>
        <translation>Fußsohlen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/pose_labels.py" line="27"/>
        <source>Palms</source>
        <translation>Handflächen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/pose_labels.py" line="28"/>
        <source>Backs of the hands</source>
        <translation>Handrücken</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/pose_labels.py" line="29"/>
        <source>Tops of the feet</source>
        <translation>Fußrücken</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_series.py" line="24"/>
        <source>Not in a series</source>
        <translation>Nicht Teil einer Serie</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_series.py" line="39"/>
        <source>Series complete: %1 poses</source>
        <translation>Serie vollständig: %1 Posen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_series.py" line="43"/>
        <source>Series %1 of %2 · next: %3</source>
        <translation>Serie %1 von %2 · als Nächstes: %3</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_series.py" line="49"/>
        <source>Missing: %1</source>
        <translation>Fehlt: %1</translation>
    </message>
</context>
<context>
    <name>BodySite</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="55"/>
        <source>Scalp</source>
        <translation>Kopfhaut</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="56"/>
        <source>Face</source>
        <translation>Gesicht</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="57"/>
        <source>Forehead</source>
        <translation>Stirn</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="58"/>
        <source>Nose</source>
        <translation>Nase</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="59"/>
        <source>Lips</source>
        <translation>Lippen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="60"/>
        <source>Chin</source>
        <translation>Kinn</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="61"/>
        <source>Neck</source>
        <translation>Hals</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="62"/>
        <source>Chest</source>
        <translation>Brust</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="63"/>
        <source>Upper back</source>
        <translation>Oberer Rücken</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="64"/>
        <source>Lower back</source>
        <translation>Unterer Rücken</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="65"/>
        <source>Abdomen</source>
        <translation>Abdomen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="66"/>
        <source>Umbilicus</source>
        <translation>Nabel</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="67"/>
        <source>Sacral region</source>
        <translation>Sakralregion</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="68"/>
        <source>Genital region</source>
        <translation>Genitalregion</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="69"/>
        <source>Perianal region</source>
        <translation>Perianalregion</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="70"/>
        <source>Oral mucosa</source>
        <translation>Mundschleimhaut</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="71"/>
        <source>Cheek</source>
        <translation>Wange</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="72"/>
        <source>Ear</source>
        <translation>Ohr</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="73"/>
        <source>Eyelid</source>
        <translation>Augenlid</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="74"/>
        <source>Temple</source>
        <translation>Schläfe</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="75"/>
        <source>Shoulder</source>
        <translation>Schulter</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="76"/>
        <source>Axilla</source>
        <translation>Achsel</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="77"/>
        <source>Upper arm</source>
        <translation>Oberarm</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="78"/>
        <source>Elbow</source>
        <translation>Ellenbogen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="79"/>
        <source>Forearm</source>
        <translation>Unterarm</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="80"/>
        <source>Wrist</source>
        <translation>Handgelenk</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="81"/>
        <source>Back of hand</source>
        <translation>Handrücken</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="82"/>
        <source>Palm</source>
        <translation>Handfläche</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="83"/>
        <source>Finger</source>
        <translation>Finger</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="84"/>
        <source>Fingernail</source>
        <translation>Fingernagel</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="85"/>
        <source>Breast</source>
        <translation>Mamma</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="86"/>
        <source>Flank</source>
        <translation>Flanke</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="87"/>
        <source>Buttock</source>
        <translation>Gesäß</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="88"/>
        <source>Groin</source>
        <translation>Leiste</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="89"/>
        <source>Hip</source>
        <translation>Hüfte</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="90"/>
        <source>Thigh</source>
        <translation>Oberschenkel</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="91"/>
        <source>Knee</source>
        <translation>Knie</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="92"/>
        <source>Back of knee</source>
        <translation>Kniekehle</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="93"/>
        <source>Lower leg</source>
        <translation>Unterschenkel</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="94"/>
        <source>Shin</source>
        <translation>Schienbein</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="95"/>
        <source>Calf</source>
        <translation>Wade</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="96"/>
        <source>Ankle</source>
        <translation>Knöchel</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="97"/>
        <source>Top of foot</source>
        <translation>Fußrücken</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="98"/>
        <source>Sole</source>
        <translation>Fußsohle</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="99"/>
        <source>Toe</source>
        <translation>Zehe</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="100"/>
        <source>Toenail</source>
        <translation>Zehennagel</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="107"/>
        <source>Body site not recorded</source>
        <translation>Körperstelle nicht angegeben</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="114"/>
        <source>%1, left</source>
        <translation>%1, links</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="116"/>
        <source>%1, right</source>
        <translation>%1, rechts</translation>
    </message>
</context>
<context>
    <name>BucketImages</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/ondemand_images.py" line="45"/>
        <source>Fetching from the clinic…</source>
        <translation>Wird aus der Praxis geholt…</translation>
    </message>
</context>
<context>
    <name>CameraList</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_camera_list.py" line="22"/>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_camera_list.py" line="23"/>
        <source>No camera found</source>
        <translation>Keine Kamera gefunden</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_camera_list.py" line="69"/>
        <source>Video file…</source>
        <translation>Videodatei…</translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_camera.py" line="109"/>
        <location filename="../../pixiodoc_desktop/gui/views/capture_camera.py" line="110"/>
        <source>Refresh cameras</source>
        <translation>Kameras neu suchen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_camera.py" line="112"/>
        <source>Camera mode</source>
        <translation>Kameramodus</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_camera.py" line="115"/>
        <source>Frame rate</source>
        <translation>Bildrate</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_camera.py" line="116"/>
        <source>&amp;Camera</source>
        <translation>&amp;Kamera</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_camera.py" line="118"/>
        <source>M&amp;ode</source>
        <translation>M&amp;odus</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_camera.py" line="185"/>
        <source>Looking for cameras…</source>
        <translation>Kameras werden gesucht…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_camera.py" line="257"/>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_camera.py" line="334"/>
        <source>The camera is back.</source>
        <translation>Die Kamera ist wieder verbunden.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_camera.py" line="341"/>
        <source>Camera disconnected</source>
        <translation>Kamera getrennt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_camera.py" line="343"/>
        <source>&apos;%1&apos; stopped sending pictures. Plug it back in; PixioDoc reconnects by itself.</source>
        <translation>„%1“ sendet keine Bilder mehr. Schließen Sie sie wieder an; PixioDoc verbindet sich selbst neu.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_camera.py" line="355"/>
        <source>The camera is busy</source>
        <translation>Die Kamera ist belegt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_camera.py" line="363"/>
        <source>No camera found</source>
        <translation>Keine Kamera gefunden</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_camera.py" line="210"/>
        <source>Connect a dermatoscope or a camera, then choose Refresh cameras; or choose Video file… in the camera list.</source>
        <translation>Schließen Sie ein Dermatoskop oder eine Kamera an und wählen Sie „Kameras neu suchen“ – oder wählen Sie „Videodatei…“ in der Kameraliste.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_camera.py" line="223"/>
        <source>Use a video file as the camera</source>
        <translation>Videodatei als Kamera verwenden</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_camera.py" line="225"/>
        <source>Videos (*.mp4 *.avi *.mkv *.mov *.webm);;All files (*)</source>
        <translation>Videos (*.mp4 *.avi *.mkv *.mov *.webm);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>CaptureRecordPanel</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_record.py" line="59"/>
        <source>Photos taken</source>
        <translation>Aufgenommene Fotos</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_record.py" line="64"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_record.py" line="75"/>
        <source>Visit</source>
        <translation>Besuch</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_record.py" line="77"/>
        <source>Body site</source>
        <translation>Körperstelle</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_record.py" line="78"/>
        <source>Not recorded</source>
        <translation>Nicht angegeben</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_record.py" line="82"/>
        <source>Tracked lesion</source>
        <translation>Verfolgte Läsion</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_record.py" line="83"/>
        <source>No tracked lesion</source>
        <translation>Keine verfolgte Läsion</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_record.py" line="85"/>
        <source>Modality</source>
        <translation>Modalität</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_record.py" line="88"/>
        <source>&amp;Visit</source>
        <translation>&amp;Besuch</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_record.py" line="90"/>
        <source>&amp;Body site</source>
        <translation>&amp;Körperstelle</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_record.py" line="91"/>
        <source>&amp;Lesion</source>
        <translation>&amp;Läsion</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_record.py" line="92"/>
        <source>&amp;Modality</source>
        <translation>&amp;Modalität</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_record.py" line="96"/>
        <source>Series pose</source>
        <translation>Pose der Serie</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_record.py" line="105"/>
        <source>&amp;Pose</source>
        <translation>&amp;Pose</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_record.py" line="125"/>
        <source>born %1</source>
        <translation>geb. %1</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_record.py" line="163"/>
        <source>Today, %1 (new)</source>
        <translation>Heute, %1 (neu)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_record.py" line="165"/>
        <source>Today, %1</source>
        <translation>Heute, %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pixiodoc_desktop/gui/views/capture_record.py" line="198"/>
        <source>%n photo(s) taken now</source>
        <translation>
            <numerusform>%n Foto jetzt aufgenommen</numerusform>
            <numerusform>%n Fotos jetzt aufgenommen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_record.py" line="198"/>
        <source>No photo taken yet</source>
        <translation>Noch kein Foto aufgenommen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_record.py" line="238"/>
        <source>Set by the dermatoscope&apos;s profile</source>
        <translation>Durch das Profil des Dermatoskops festgelegt</translation>
    </message>
</context>
<context>
    <name>CaptureTabs</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_tabs.py" line="25"/>
        <source>Capture settings</source>
        <translation>Aufnahmeeinstellungen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_tabs.py" line="26"/>
        <source>Record</source>
        <translation>Akte</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_tabs.py" line="27"/>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_tabs.py" line="28"/>
        <source>Hot folder</source>
        <translation>Überwachter Ordner</translation>
    </message>
</context>
<context>
    <name>CaptureView</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_view.py" line="77"/>
        <source>Capture</source>
        <translation>Aufnahme</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_view.py" line="244"/>
        <source>Capture: %1</source>
        <translation>Aufnahme: %1</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_view.py" line="337"/>
        <source>The last photo was removed.</source>
        <translation>Das letzte Foto wurde entfernt.</translation>
    </message>
</context>
<context>
    <name>CaseFilePage</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_case_file_page.py" line="77"/>
        <source>An encrypted case file (.pxcase) with the visits ticked below, for a colleague outside the practice. It needs the patient&apos;s consent to sharing.</source>
        <translation>Eine verschlüsselte Falldatei (.pxcase) mit den unten angehakten Besuchen, für Kollegen außerhalb der Praxis. Dafür braucht es die Einwilligung des Patienten in die Weitergabe.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_case_file_page.py" line="87"/>
        <source>Passphrase (tell it by phone)</source>
        <translation>Passphrase (telefonisch mitteilen)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_case_file_page.py" line="88"/>
        <location filename="../../pixiodoc_desktop/gui/views/share_case_file_page.py" line="107"/>
        <source>Colleague&apos;s case key</source>
        <translation>Fallschlüssel der Kollegin/des Kollegen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_case_file_page.py" line="97"/>
        <source>at least %1 characters</source>
        <translation>mindestens %1 Zeichen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_case_file_page.py" line="99"/>
        <location filename="../../pixiodoc_desktop/gui/views/share_case_file_page.py" line="118"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_case_file_page.py" line="103"/>
        <source>Repeat the passphrase</source>
        <translation>Passphrase wiederholen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_case_file_page.py" line="115"/>
        <location filename="../../pixiodoc_desktop/gui/views/share_case_file_page.py" line="122"/>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_case_file_page.py" line="119"/>
        <source>Repeat</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_case_file_page.py" line="121"/>
        <source>Case key</source>
        <translation>Fallschlüssel</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_case_file_page.py" line="125"/>
        <source>Write case file…</source>
        <translation>Falldatei schreiben…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_case_file_page.py" line="156"/>
        <source>Write case file</source>
        <translation>Falldatei schreiben</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_case_file_page.py" line="158"/>
        <source>Case file (*.pxcase)</source>
        <translation>Falldatei (*.pxcase)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_case_file_page.py" line="166"/>
        <source>Tick at least one visit.</source>
        <translation>Haken Sie mindestens einen Besuch an.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_case_file_page.py" line="174"/>
        <source>Use a passphrase of at least %1 characters.</source>
        <translation>Verwenden Sie eine Passphrase mit mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_case_file_page.py" line="180"/>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passphrasen unterscheiden sich.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_case_file_page.py" line="185"/>
        <source>Paste the colleague&apos;s case key.</source>
        <translation>Fügen Sie den Fallschlüssel der Kollegin/des Kollegen ein.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_case_file_page.py" line="192"/>
        <source>Writing the case file…</source>
        <translation>Falldatei wird geschrieben…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_case_file_page.py" line="198"/>
        <source>Wrote %1: %2, %3, valid until %4.</source>
        <translation>%1 geschrieben: %2, %3, gültig bis %4.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pixiodoc_desktop/gui/views/share_case_file_page.py" line="200"/>
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n Besuch</numerusform>
            <numerusform>%n Besuche</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../pixiodoc_desktop/gui/views/share_case_file_page.py" line="201"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n Foto</numerusform>
            <numerusform>%n Fotos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CliniciansDialog</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="191"/>
        <source>Clinicians</source>
        <translation>Behandelnde</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="197"/>
        <source>Login</source>
        <translation>Anmeldename</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="197"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="197"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="197"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="213"/>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="214"/>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="290"/>
        <source>Deactivate</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="215"/>
        <source>Reset password…</source>
        <translation>Passwort zurücksetzen…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="216"/>
        <source>Make Admin / Clinician</source>
        <translation>Admin / Behandelnde Person machen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="217"/>
        <source>Renew keys…</source>
        <translation>Schlüssel erneuern…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="258"/>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="258"/>
        <source>Clinician</source>
        <translation>Behandelnde Person</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="259"/>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="259"/>
        <source>deactivated</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="269"/>
        <source>Choose a clinician first.</source>
        <translation>Wählen Sie zuerst eine behandelnde Person.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="273"/>
        <source>Add a clinician</source>
        <translation>Behandelnde Person hinzufügen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="281"/>
        <source>Clinician added.</source>
        <translation>Behandelnde Person hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="291"/>
        <source>Deactivate %1? Their password stops opening the vault at once.</source>
        <translation>%1 deaktivieren? Das Passwort öffnet den Tresor dann sofort nicht mehr.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="301"/>
        <source>Clinician deactivated. A copy of vault.json or a backup made while they could log in still opens with their password: consider “Renew keys…”.</source>
        <translation>Behandelnde Person deaktiviert. Eine Kopie der vault.json oder eine Sicherung aus der Zeit, als die Person sich anmelden konnte, öffnet sich weiterhin mit ihrem Passwort: erwägen Sie „Schlüssel erneuern…“.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="308"/>
        <source>Renew the practice&apos;s keys</source>
        <translation>Schlüssel der Praxis erneuern</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="313"/>
        <source>Renew the practice&apos;s keys? Copies of vault.json and backups made before stop opening this vault. You get a new recovery key, and every other clinician needs a new password from an Admin.</source>
        <translation>Schlüssel der Praxis erneuern? Kopien der vault.json und Sicherungen von vorher öffnen diesen Tresor danach nicht mehr. Sie erhalten einen neuen Wiederherstellungsschlüssel, und alle anderen Behandelnden brauchen ein neues Passwort von einem Praxis-Admin.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="321"/>
        <source>Your password</source>
        <translation>Ihr Passwort</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="355"/>
        <source>The practice&apos;s keys were renewed.</source>
        <translation>Die Schlüssel der Praxis wurden erneuert.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="359"/>
        <source>This workstation now syncs to a new folder of the bucket. Every other workstation stops syncing and asks to re-join: create an enrollment code for each (Practice › Enrollment code for another PC…, or pixiodoc sync enroll-code) and enter it there (Re-join the clinic… in its status bar, or pixiodoc sync rejoin). Once all have re-joined, delete everything in the old folder %1 of the bucket but its object named retired (old versions too, if the bucket keeps versions).</source>
        <translation>Dieser Arbeitsplatz synchronisiert jetzt mit einem neuen Ordner im Bucket. Jeder andere Arbeitsplatz hört auf zu synchronisieren und bittet darum, neu verbunden zu werden: Erstellen Sie für jeden einen Einrichtungscode (Praxis › Einrichtungscode für einen weiteren PC…, oder pixiodoc sync enroll-code) und geben Sie ihn dort ein (Wieder mit der Praxis verbinden… in seiner Statusleiste, oder pixiodoc sync rejoin). Sobald alle neu verbunden sind, löschen Sie im alten Ordner %1 des Buckets alles außer dem Objekt namens retired (auch alte Versionen, falls der Bucket Versionen aufbewahrt).</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="369"/>
        <source>The first sync with the new keys did not finish (%1); the next sync finishes it.</source>
        <translation>Die erste Synchronisation mit den neuen Schlüsseln wurde nicht fertig (%1); die nächste Synchronisation schließt sie ab.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="378"/>
        <source>Reset password</source>
        <translation>Passwort zurücksetzen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="390"/>
        <source>New password set; the old one no longer works.</source>
        <translation>Neues Passwort gesetzt; das alte gilt nicht mehr.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="399"/>
        <source>Role changed.</source>
        <translation>Rolle geändert.</translation>
    </message>
</context>
<context>
    <name>CompareCanvas</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/compare_canvas.py" line="84"/>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/compare_painting.py" line="237"/>
        <source>Choose two photos to compare</source>
        <translation>Wählen Sie zwei Fotos zum Vergleichen</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_consultation.py" line="57"/>
        <source>Screen {number} ({size})</source>
        <translation>Bildschirm {number} ({size})</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_consultation.py" line="60"/>
        <source>Screen {number} ({size}, {place})</source>
        <translation>Bildschirm {number} ({size}, {place})</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_consultation.py" line="49"/>
        <source>left</source>
        <translation>links</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_consultation.py" line="50"/>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_consultation.py" line="51"/>
        <source>middle</source>
        <translation>Mitte</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_consultation.py" line="52"/>
        <source>top</source>
        <translation>oben</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_consultation.py" line="53"/>
        <source>bottom</source>
        <translation>unten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_tools.py" line="90"/>
        <location filename="../../pixiodoc_desktop/gui/views/compare_tools.py" line="161"/>
        <source>Distance</source>
        <translation>Abstand</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_tools.py" line="91"/>
        <location filename="../../pixiodoc_desktop/gui/views/compare_tools.py" line="162"/>
        <source>Diameter</source>
        <translation>Durchmesser</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_tools.py" line="92"/>
        <location filename="../../pixiodoc_desktop/gui/views/compare_tools.py" line="163"/>
        <source>Area</source>
        <translation>Fläche</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_tools.py" line="93"/>
        <source>Arrow</source>
        <translation>Pfeil</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_tools.py" line="94"/>
        <source>Circle</source>
        <translation>Kreis</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_tools.py" line="95"/>
        <source>Outline</source>
        <translation>Umriss</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_tools.py" line="96"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_tools.py" line="103"/>
        <location filename="../../pixiodoc_desktop/gui/views/compare_tools.py" line="104"/>
        <source>Note text</source>
        <translation>Notiztext</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_tools.py" line="112"/>
        <source>Finish</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_tools.py" line="115"/>
        <source>Clear marks</source>
        <translation>Markierungen löschen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_tools.py" line="195"/>
        <source>Perimeter</source>
        <translation>Umfang</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_tools.py" line="196"/>
        <source>Asymmetry</source>
        <translation>Asymmetrie</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_tools.py" line="258"/>
        <source>Distance: click the first edge</source>
        <translation>Abstand: erste Kante anklicken</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_tools.py" line="259"/>
        <source>Distance: click the second edge</source>
        <translation>Abstand: zweite Kante anklicken</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_tools.py" line="262"/>
        <source>Arrow: click where it starts</source>
        <translation>Pfeil: Anfang anklicken</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_tools.py" line="263"/>
        <source>Arrow: click what it points at</source>
        <translation>Pfeil: Ziel anklicken</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_tools.py" line="266"/>
        <source>Circle: click its centre</source>
        <translation>Kreis: Mittelpunkt anklicken</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_tools.py" line="267"/>
        <source>Circle: click its edge</source>
        <translation>Kreis: Rand anklicken</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_tools.py" line="271"/>
        <source>Done. Click again for another, or choose another tool</source>
        <translation>Fertig. Erneut klicken für eine weitere Markierung, oder ein anderes Werkzeug wählen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_tools.py" line="277"/>
        <source>Text: type the note, then click where it goes</source>
        <translation>Text: Notiz eingeben, dann die Stelle anklicken</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_tools.py" line="281"/>
        <source>Click around the edge of the lesion, then press Finish</source>
        <translation>Rund um den Rand der Läsion klicken, dann „Fertig“ drücken</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_tools.py" line="285"/>
        <source>{count} points: keep clicking around the edge, then Finish</source>
        <translation>{count} Punkte: weiter am Rand klicken, dann „Fertig“</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_tools.py" line="349"/>
        <source>Click a point on the earlier photo, then the same point on the later one</source>
        <translation>Klicken Sie auf einen Punkt im früheren Foto, dann auf denselben Punkt im späteren</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="84"/>
        <location filename="../../pixiodoc_desktop/gui/views/compare_outline.py" line="142"/>
        <source>Earlier photo</source>
        <translation>Früheres Foto</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="87"/>
        <location filename="../../pixiodoc_desktop/gui/views/compare_outline.py" line="143"/>
        <source>Later photo</source>
        <translation>Späteres Foto</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="91"/>
        <source>Side by side</source>
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="92"/>
        <source>Slider</source>
        <translation>Schieberegler</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="93"/>
        <source>Overlay</source>
        <translation>Überlagerung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="94"/>
        <source>Blink</source>
        <translation>Blinken</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="95"/>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="100"/>
        <source>Horizontal divider</source>
        <translation>Waagerechte Trennlinie</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="106"/>
        <source>Opacity of the later photo</source>
        <translation>Deckkraft des späteren Fotos</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="112"/>
        <source> per second</source>
        <translation> pro Sekunde</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="113"/>
        <source>Blink rate</source>
        <translation>Blinkfrequenz</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="115"/>
        <source>Align</source>
        <translation>Ausrichten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="124"/>
        <source>Fix alignment</source>
        <translation>Ausrichtung festlegen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="127"/>
        <source>Even out lighting</source>
        <translation>Beleuchtung angleichen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="130"/>
        <source>Match the later photo&apos;s colour and exposure to the earlier one</source>
        <translation>Farbe und Belichtung des späteren Fotos an das frühere angleichen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="134"/>
        <location filename="../../pixiodoc_desktop/gui/views/compare_keeping.py" line="197"/>
        <source>Save comparison</source>
        <translation>Vergleich speichern</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="135"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="137"/>
        <source>Show to patient</source>
        <translation>Dem Patienten zeigen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="143"/>
        <source>● On the patient&apos;s screen</source>
        <translation>● Auf dem Patientenbildschirm</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="147"/>
        <source>Stop</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="149"/>
        <source>Close the patient&apos;s screen</source>
        <translation>Patientenbildschirm schließen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="158"/>
        <source>Show name</source>
        <translation>Namen anzeigen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="160"/>
        <source>Show the patient&apos;s name on the consultation screen</source>
        <translation>Den Namen des Patienten auf dem Besprechungsbildschirm anzeigen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="167"/>
        <source>Progression</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="169"/>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="186"/>
        <source>compared with</source>
        <translation>verglichen mit</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_view.py" line="143"/>
        <location filename="../../pixiodoc_desktop/gui/views/compare_view.py" line="304"/>
        <source>Comparison — PixioDoc</source>
        <translation>Vergleich — PixioDoc</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_keeping.py" line="103"/>
        <source>{name}, born {date}</source>
        <translation>{name}, geb. {date}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_keeping.py" line="111"/>
        <source>{patient} — Comparison — PixioDoc</source>
        <translation>{patient} — Vergleich — PixioDoc</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_keeping.py" line="123"/>
        <source>{date} · Baseline</source>
        <translation>{date} · Ausgangsbefund</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_keeping.py" line="125"/>
        <source>{date} · Week {weeks}</source>
        <translation>{date} · Woche {weeks}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_showing.py" line="57"/>
        <source>Loading photos…</source>
        <translation>Fotos werden geladen…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_keeping.py" line="176"/>
        <source>Saved ✓</source>
        <translation>Gespeichert ✓</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="252"/>
        <source>Could not align: too few matching features</source>
        <translation>Ausrichtung nicht möglich: zu wenige übereinstimmende Merkmale</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="257"/>
        <source>Not aligned</source>
        <translation>Nicht ausgerichtet</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="259"/>
        <source>Aligned by hand</source>
        <translation>Von Hand ausgerichtet</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="262"/>
        <source>good fit</source>
        <translation>gute Übereinstimmung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="263"/>
        <source>fair fit</source>
        <translation>mäßige Übereinstimmung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="264"/>
        <source>poor fit</source>
        <translation>schlechte Übereinstimmung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="266"/>
        <source>{verdict} ({score} %, {error} px)</source>
        <translation>{verdict} ({score} %, {error} px)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="269"/>
        <source>Alignment: {fit}</source>
        <translation>Ausrichtung: {fit}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_controls.py" line="334"/>
        <source>The before/after slider needs the Pro plan</source>
        <translation>Der Vorher-nachher-Schieberegler erfordert den Pro-Tarif</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_keeping.py" line="174"/>
        <source>Comparison saved</source>
        <translation>Vergleich gespeichert</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_handout.py" line="99"/>
        <source>Exported on {date}</source>
        <translation>Exportiert am {date}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_handout.py" line="114"/>
        <source>Export comparison</source>
        <translation>Vergleich exportieren</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_handout.py" line="116"/>
        <source>PNG image (*.png);;PDF handout (*.pdf)</source>
        <translation>PNG-Bild (*.png);;PDF-Handout (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_keeping.py" line="213"/>
        <source>Comparison exported</source>
        <translation>Vergleich exportiert</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_keeping.py" line="251"/>
        <source>The photos could not be compared.</source>
        <translation>Die Fotos konnten nicht verglichen werden.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_consultation.py" line="146"/>
        <source>{screen} — this window</source>
        <translation>{screen} — dieses Fenster</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_handout.py" line="96"/>
        <source>Comparison · {site}</source>
        <translation>Vergleich · {site}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_outline.py" line="77"/>
        <source>Auto outline</source>
        <translation>Auto-Umriss</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_outline.py" line="80"/>
        <source>Outline the lesion on both calibrated photos; drag a point to correct it</source>
        <translation>Die Läsion auf beiden kalibrierten Fotos umranden; einen Punkt ziehen, um zu korrigieren</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_outline.py" line="86"/>
        <source>Accept outline</source>
        <translation>Umriss übernehmen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_outline.py" line="90"/>
        <source>Keep the outlines as the lesion&apos;s measurements</source>
        <translation>Die Umrisse als Messungen der Läsion behalten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_outline.py" line="120"/>
        <source>Outlining the lesion…</source>
        <translation>Läsion wird umrandet…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_outline.py" line="155"/>
        <source>Outlined: drag a point to correct it, then Accept</source>
        <translation>Umrandet: zum Korrigieren einen Punkt ziehen, dann übernehmen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_outline.py" line="204"/>
        <source>No tracked lesion: the outline stays with the comparison</source>
        <translation>Keine verfolgte Läsion: Der Umriss bleibt beim Vergleich</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_outline.py" line="233"/>
        <source>Outline kept with the lesion ({count})</source>
        <translation>Umriss bei der Läsion behalten ({count})</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_poses.py" line="26"/>
        <source>Pose %1 of %2: %3</source>
        <translation>Pose %1 von %2: %3</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_poses.py" line="41"/>
        <source>◀ Previous pose</source>
        <translation>◀ Vorherige Pose</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/compare_poses.py" line="50"/>
        <source>Next pose ▶</source>
        <translation>Nächste Pose ▶</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/sync_dialog.py" line="173"/>
        <source>Note conflicts</source>
        <translation>Notizkonflikte</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/sync_dialog.py" line="176"/>
        <source>Open note conflicts</source>
        <translation>Offene Notizkonflikte</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/sync_dialog.py" line="178"/>
        <source>Versions of the note</source>
        <translation>Fassungen der Notiz</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/sync_dialog.py" line="180"/>
        <source>Note to keep</source>
        <translation>Zu behaltende Notiz</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/sync_dialog.py" line="181"/>
        <source>Keep this text</source>
        <translation>Diesen Text behalten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/sync_dialog.py" line="188"/>
        <source>Notes changed on two workstations at the same time:</source>
        <translation>Notizen, die an zwei Arbeitsplätzen gleichzeitig geändert wurden:</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/sync_dialog.py" line="190"/>
        <source>Its versions, oldest first (the newest is shown until you decide):</source>
        <translation>Die Fassungen, die älteste zuerst (bis Sie entscheiden, wird die neueste gezeigt):</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/sync_dialog.py" line="192"/>
        <source>The note to keep (edit it to merge the versions):</source>
        <translation>Die Notiz, die bleibt (bearbeiten Sie sie, um die Fassungen zusammenzuführen):</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/sync_dialog.py" line="221"/>
        <source>Patient notes</source>
        <translation>Notizen zum Patienten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/sync_dialog.py" line="222"/>
        <source>Visit notes</source>
        <translation>Notizen zum Besuch</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/sync_dialog.py" line="223"/>
        <source>Photo notes</source>
        <translation>Notizen zum Foto</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/sync_dialog.py" line="224"/>
        <source>Lesion notes</source>
        <translation>Notizen zur Läsion</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/sync_dialog.py" line="225"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/dialogs.py" line="278"/>
        <source>Record consent</source>
        <translation>Einwilligung erfassen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/dialogs.py" line="287"/>
        <source>Granted</source>
        <translation>Erteilt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/dialogs.py" line="288"/>
        <source>Refused</source>
        <translation>Verweigert</translation>
    </message>
</context>
<context>
    <name>ConsentForm</name>
    <message>
        <location filename="../../ui/consent.ui" line="11"/>
        <location filename="../../ui/consent.ui" line="12"/>
        <source>Scope</source>
        <translation>Umfang</translation>
    </message>
    <message>
        <location filename="../../ui/consent.ui" line="13"/>
        <location filename="../../ui/consent.ui" line="14"/>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <location filename="../../ui/consent.ui" line="15"/>
        <location filename="../../ui/consent.ui" line="16"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../ui/consent.ui" line="17"/>
        <location filename="../../ui/consent.ui" line="18"/>
        <source>Note</source>
        <translation>Bemerkung</translation>
    </message>
</context>
<context>
    <name>ConsultationWindow</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/consultation_window.py" line="63"/>
        <source>Consultation — PixioDoc</source>
        <translation>Besprechung — PixioDoc</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/consultation_window.py" line="75"/>
        <source>PixioDoc</source>
        <translation>PixioDoc</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/consultation_window.py" line="89"/>
        <source>Full screen for the patient. Press Esc to return to PixioDoc.</source>
        <translation>Vollbild für den Patienten. Esc kehrt zu PixioDoc zurück.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/consultation_window.py" line="91"/>
        <source>Return (Esc)</source>
        <translation>Zurück (Esc)</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/csv_import_dialog.py" line="58"/>
        <source>Import patients from CSV</source>
        <translation>Patienten aus CSV importieren</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/csv_import_dialog.py" line="63"/>
        <source>Family name (required)</source>
        <translation>Nachname (Pflichtfeld)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/csv_import_dialog.py" line="64"/>
        <source>Given name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/csv_import_dialog.py" line="65"/>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/csv_import_dialog.py" line="66"/>
        <source>Patient number (external id)</source>
        <translation>Patientennummer (externe ID)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/csv_import_dialog.py" line="67"/>
        <source>Sex</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/csv_import_dialog.py" line="68"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/csv_import_dialog.py" line="71"/>
        <source>File: %1</source>
        <translation>Datei: %1</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/csv_import_dialog.py" line="76"/>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/csv_import_dialog.py" line="77"/>
        <source>Windows (cp1252)</source>
        <translation>Windows (cp1252)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/csv_import_dialog.py" line="80"/>
        <source>Semicolon ;</source>
        <translation>Semikolon ;</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/csv_import_dialog.py" line="81"/>
        <source>Comma ,</source>
        <translation>Komma ,</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/csv_import_dialog.py" line="82"/>
        <source>Tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/csv_import_dialog.py" line="84"/>
        <source>Encoding</source>
        <translation>Zeichenkodierung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/csv_import_dialog.py" line="85"/>
        <source>Delimiter</source>
        <translation>Trennzeichen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/csv_import_dialog.py" line="103"/>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/csv_import_dialog.py" line="103"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/csv_import_dialog.py" line="109"/>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/csv_import_dialog.py" line="111"/>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/csv_import_dialog.py" line="146"/>
        <source>Check: %1</source>
        <translation>Prüfung: %1</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/csv_import_dialog.py" line="146"/>
        <source>Imported: %1</source>
        <translation>Importiert: %1</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/csv_import_dialog.py" line="148"/>
        <source>%1 new, %2 matched by patient number, %3 invalid</source>
        <translation>%1 neu, %2 über die Patientennummer zugeordnet, %3 ungültig</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/csv_import_dialog.py" line="155"/>
        <source>%1 more were not imported: the plan&apos;s limit.</source>
        <translation>%1 weitere wurden nicht importiert: die Grenze des Tarifs.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/csv_import_dialog.py" line="198"/>
        <source>(not in the file)</source>
        <translation>(nicht in der Datei)</translation>
    </message>
</context>
<context>
    <name>DemoPreparation</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/demo_preparation.py" line="40"/>
        <source>Preparing the demo clinic…</source>
        <translation>Die Demo-Praxis wird vorbereitet…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/demo_preparation.py" line="49"/>
        <source>This happens once, at the demo&apos;s first start; the next start is immediate.</source>
        <translation>Das geschieht einmal, beim ersten Start der Demo; der nächste Start geht sofort.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/demo_preparation.py" line="65"/>
        <source>Preparing the demo clinic… %1 of %2 patients</source>
        <translation>Die Demo-Praxis wird vorbereitet… %1 von %2 Patienten</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="45"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="50"/>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="51"/>
        <source>Select a photo in the timeline.</source>
        <translation>Wählen Sie ein Foto im Verlauf aus.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="58"/>
        <source>Body site</source>
        <translation>Körperstelle</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="59"/>
        <source>Modality</source>
        <translation>Modalität</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="60"/>
        <source>Captured</source>
        <translation>Aufgenommen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="61"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="62"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="63"/>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="64"/>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="83"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="71"/>
        <source>Open in viewer</source>
        <translation>Im Betrachter öffnen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="72"/>
        <source>Edit tags and notes…</source>
        <translation>Schlagwörter und Notizen bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="75"/>
        <source>Visit</source>
        <translation>Besuch</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="79"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="80"/>
        <source>Reason</source>
        <translation>Anlass</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="81"/>
        <source>Conditions</source>
        <translation>Diagnosen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="82"/>
        <source>Treatment</source>
        <translation>Therapie</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="90"/>
        <source>Edit visit…</source>
        <translation>Besuch bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="92"/>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="95"/>
        <source>Second opinions</source>
        <translation>Zweitmeinungen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="98"/>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="100"/>
        <source>Consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="102"/>
        <source>Record consent…</source>
        <translation>Einwilligung erfassen…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="151"/>
        <source>contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="151"/>
        <source>non-contact</source>
        <translation>kontaktlos</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="153"/>
        <source>%1× magnification</source>
        <translation>%1-fache Vergrößerung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="166"/>
        <source>%1 px/mm</source>
        <translation>%1 px/mm</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="192"/>
        <source>a colleague</source>
        <translation>einer Kollegin / einem Kollegen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="195"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="200"/>
        <source>Suggested diagnosis: %1</source>
        <translation>Vorgeschlagene Diagnose: %1</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="205"/>
        <source>Recommendation: %1</source>
        <translation>Empfehlung: %1</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="210"/>
        <source>Marks on this photo: %1</source>
        <translation>Markierungen auf diesem Foto: %1</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="222"/>
        <source>No consent recorded yet.</source>
        <translation>Noch keine Einwilligung erfasst.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="226"/>
        <source>granted</source>
        <translation>erteilt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/details.py" line="226"/>
        <source>refused</source>
        <translation>verweigert</translation>
    </message>
</context>
<context>
    <name>DeviceProfilePanel</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_profile.py" line="54"/>
        <location filename="../../pixiodoc_desktop/gui/views/capture_profile.py" line="110"/>
        <source>Device profile</source>
        <translation>Geräteprofil</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_profile.py" line="66"/>
        <location filename="../../pixiodoc_desktop/gui/views/capture_profile.py" line="67"/>
        <source>Dermatoscope</source>
        <translation>Dermatoskop</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_profile.py" line="68"/>
        <location filename="../../pixiodoc_desktop/gui/views/capture_profile.py" line="69"/>
        <source>Polarised light</source>
        <translation>Polarisiertes Licht</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_profile.py" line="71"/>
        <location filename="../../pixiodoc_desktop/gui/views/capture_profile.py" line="73"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_profile.py" line="72"/>
        <location filename="../../pixiodoc_desktop/gui/views/capture_profile.py" line="80"/>
        <source>Not stated</source>
        <translation>Keine Angabe</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_profile.py" line="74"/>
        <source>Non-contact</source>
        <translation>Kontaktlos</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_profile.py" line="76"/>
        <source>Magnification</source>
        <translation>Vergrößerung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_profile.py" line="82"/>
        <source>Calibration in pixels per mm</source>
        <translation>Kalibrierung in Pixel pro mm</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_profile.py" line="85"/>
        <source> px/mm</source>
        <translation> px/mm</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_profile.py" line="86"/>
        <source>Not calibrated</source>
        <translation>Nicht kalibriert</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_profile.py" line="88"/>
        <source>Field of view width in mm</source>
        <translation>Breite des Bildfelds in mm</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_profile.py" line="92"/>
        <location filename="../../pixiodoc_desktop/gui/views/capture_profile.py" line="100"/>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_profile.py" line="93"/>
        <location filename="../../pixiodoc_desktop/gui/views/capture_profile.py" line="94"/>
        <source>Calibrate from field of view</source>
        <translation>Aus dem Bildfeld kalibrieren</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_profile.py" line="96"/>
        <source>Distance on the ruler in mm</source>
        <translation>Abstand auf dem Lineal in mm</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_profile.py" line="101"/>
        <location filename="../../pixiodoc_desktop/gui/views/capture_profile.py" line="102"/>
        <source>Calibrate on a ruler (two clicks)</source>
        <translation>Am Lineal kalibrieren (zwei Klicks)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_profile.py" line="103"/>
        <location filename="../../pixiodoc_desktop/gui/views/capture_profile.py" line="104"/>
        <source>Save profile</source>
        <translation>Profil speichern</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_profile.py" line="119"/>
        <source>Con&amp;tact</source>
        <translation>Kon&amp;takt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_profile.py" line="121"/>
        <source>Ma&amp;gnification</source>
        <translation>Ver&amp;größerung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_profile.py" line="125"/>
        <source>Calib&amp;ration</source>
        <translation>Kalib&amp;rierung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_profile.py" line="127"/>
        <source>&amp;Field of view</source>
        <translation>&amp;Bildfeld</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_profile.py" line="129"/>
        <source>R&amp;uler distance</source>
        <translation>Lineal-&amp;Abstand</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_profile.py" line="237"/>
        <source>The profile of %1 was saved.</source>
        <translation>Das Profil von %1 wurde gespeichert.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_profile.py" line="246"/>
        <source>Calibrated: %1 pixels per mm.</source>
        <translation>Kalibriert: %1 Pixel pro mm.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_profile.py" line="263"/>
        <source>Click two points on the ruler, %1 mm apart.</source>
        <translation>Klicken Sie auf zwei Punkte des Lineals, %1 mm voneinander entfernt.</translation>
    </message>
</context>
<context>
    <name>EmergencyAccessControl</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/emergency_access.py" line="59"/>
        <source>Emergency access…</source>
        <translation>Notfallzugriff…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/emergency_access.py" line="168"/>
        <source>Emergency access ended.</source>
        <translation>Notfallzugriff beendet.</translation>
    </message>
</context>
<context>
    <name>EmergencyDialog</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/emergency_dialog.py" line="35"/>
        <source>Emergency access</source>
        <translation>Notfallzugriff</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/emergency_dialog.py" line="39"/>
        <source>Open a record you have no access to, for an emergency. It opens View Only, the access is recorded in the audit trail and every practice Admin is told.</source>
        <translation>Öffnet im Notfall eine Akte, für die Sie keinen Zugriff haben. Sie öffnet sich nur zur Ansicht, der Zugriff wird protokolliert und alle Praxis-Admins werden informiert.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/emergency_dialog.py" line="45"/>
        <location filename="../../pixiodoc_desktop/gui/views/emergency_dialog.py" line="50"/>
        <source>Patient number (MRN)</source>
        <translation>Patientennummer (MRN)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/emergency_dialog.py" line="47"/>
        <location filename="../../pixiodoc_desktop/gui/views/emergency_dialog.py" line="51"/>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/emergency_dialog.py" line="48"/>
        <source>e.g. urgent referral, record holder absent</source>
        <translation>z. B. dringende Überweisung, Aktenverantwortliche abwesend</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/emergency_dialog.py" line="54"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/emergency_dialog.py" line="57"/>
        <source>Open View Only</source>
        <translation>Nur zur Ansicht öffnen</translation>
    </message>
</context>
<context>
    <name>EmergencyReviewDialog</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/audit_view.py" line="271"/>
        <source>Emergency accesses to review</source>
        <translation>Zu prüfende Notfallzugriffe</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/audit_view.py" line="282"/>
        <source>%1: %2 opened the record of %3.
Reason: %4</source>
        <translation>%1: %2 hat die Akte von %3 geöffnet.
Grund: %4</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/audit_view.py" line="290"/>
        <source>Acknowledge selected</source>
        <translation>Auswahl bestätigen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/audit_view.py" line="297"/>
        <source>These records were opened without a grant. Review each reason.</source>
        <translation>Diese Akten wurden ohne Freigabe geöffnet. Prüfen Sie jeden Grund.</translation>
    </message>
</context>
<context>
    <name>Enrollment</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/enrollment.py" line="39"/>
        <source>Enrollment code for another PC…</source>
        <translation>Einrichtungscode für einen weiteren PC…</translation>
    </message>
</context>
<context>
    <name>EnrollmentDialog</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/enrollment_dialog.py" line="53"/>
        <source>Enrollment code for another PC</source>
        <translation>Einrichtungscode für einen weiteren PC</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/enrollment_dialog.py" line="57"/>
        <source>A one-time code lets another PC join this clinic&apos;s sync, or re-join it after the practice&apos;s keys were renewed. Until it is used or expires, the code opens the clinic&apos;s records: give it in person or by phone, never by e-mail.</source>
        <translation>Mit einem Einmalcode tritt ein weiterer PC der Synchronisation dieser Praxis bei oder verbindet sich wieder mit ihr, nachdem die Schlüssel der Praxis erneuert wurden. Bis er benutzt wird oder abläuft, öffnet der Code die Akten der Praxis: Geben Sie ihn persönlich oder am Telefon weiter, nie per E-Mail.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/enrollment_dialog.py" line="68"/>
        <source>Create code</source>
        <translation>Code erstellen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/enrollment_dialog.py" line="76"/>
        <source>Valid for</source>
        <translation>Gültig für</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/enrollment_dialog.py" line="80"/>
        <source>Enrollment code</source>
        <translation>Einrichtungscode</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/enrollment_dialog.py" line="89"/>
        <source>Copy code</source>
        <translation>Code kopieren</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/enrollment_dialog.py" line="125"/>
        <source>15 minutes</source>
        <translation>15 Minuten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/enrollment_dialog.py" line="126"/>
        <source>30 minutes</source>
        <translation>30 Minuten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/enrollment_dialog.py" line="127"/>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/enrollment_dialog.py" line="128"/>
        <source>4 hours</source>
        <translation>4 Stunden</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/enrollment_dialog.py" line="129"/>
        <source>24 hours</source>
        <translation>24 Stunden</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/enrollment_dialog.py" line="137"/>
        <source>Creating the code…</source>
        <translation>Der Code wird erstellt…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/enrollment_dialog.py" line="147"/>
        <source>Create another code</source>
        <translation>Weiteren Code erstellen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/enrollment_dialog.py" line="150"/>
        <source>Works once, until %1 (%2 from now).</source>
        <translation>Gilt einmal, bis %1 Uhr (noch %2).</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/enrollment_dialog.py" line="156"/>
        <source>&lt;b&gt;A PC of this clinic that asks to re-join&lt;/b&gt; (its status bar says the practice&apos;s keys were renewed): click &lt;i&gt;Re-join the clinic…&lt;/i&gt; in its status bar or Practice menu, enter this code and your own password.</source>
        <translation>&lt;b&gt;Ein PC dieser Praxis, der sich wieder verbinden muss&lt;/b&gt; (seine Statusleiste meldet erneuerte Schlüssel der Praxis): Klicken Sie dort in der Statusleiste oder im Menü Praxis auf &lt;i&gt;Wieder mit der Praxis verbinden…&lt;/i&gt; und geben Sie diesen Code und Ihr eigenes Passwort ein.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/enrollment_dialog.py" line="161"/>
        <source>&lt;b&gt;A new PC&lt;/b&gt;: install PixioDoc and click &lt;i&gt;Join your clinic…&lt;/i&gt; on its first page, and enter this code and the clinic&apos;s bucket below. Everyone logs in there with their usual login and password. On the command line: %1</source>
        <translation>&lt;b&gt;Ein neuer PC&lt;/b&gt;: Installieren Sie PixioDoc, klicken Sie auf seiner ersten Seite auf &lt;i&gt;Ihrer Praxis beitreten…&lt;/i&gt; und geben Sie diesen Code und den Bucket der Praxis von unten ein. Dort meldet sich jeder mit seinem gewohnten Anmeldenamen und Passwort an. Auf der Kommandozeile: %1</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/enrollment_dialog.py" line="174"/>
        <source>The clinic&apos;s bucket</source>
        <translation>Der Bucket der Praxis</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/enrollment_dialog.py" line="180"/>
        <source>Endpoint URL</source>
        <translation>Endpunkt-URL</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/enrollment_dialog.py" line="181"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/enrollment_dialog.py" line="182"/>
        <source>Bucket</source>
        <translation>Bucket</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/enrollment_dialog.py" line="183"/>
        <source>Folder prefix</source>
        <translation>Ordner-Präfix</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/enrollment_dialog.py" line="184"/>
        <source>Access key</source>
        <translation>Zugangsschlüssel</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/enrollment_dialog.py" line="185"/>
        <source>Secret key</source>
        <translation>Geheimer Schlüssel</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/enrollment_dialog.py" line="193"/>
        <source>Copy bucket details</source>
        <translation>Bucket-Angaben kopieren</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/enrollment_dialog.py" line="196"/>
        <source>Everything above but the secret key, for the new PC&apos;s Paste button.</source>
        <translation>Alles oben außer dem geheimen Schlüssel, für die Einfügen-Schaltfläche des neuen PCs.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/enrollment_dialog.py" line="199"/>
        <source>Copy secret key</source>
        <translation>Geheimen Schlüssel kopieren</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/enrollment_dialog.py" line="220"/>
        <source>(empty: AWS S3)</source>
        <translation>(leer: AWS S3)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/enrollment_dialog.py" line="225"/>
        <source>(as in Sync settings; not shown)</source>
        <translation>(wie in der Synchronisation eingerichtet; nicht angezeigt)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/enrollment_dialog.py" line="237"/>
        <source>Bucket details copied (without the secret key).</source>
        <translation>Bucket-Angaben kopiert (ohne den geheimen Schlüssel).</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/enrollment_dialog.py" line="243"/>
        <source>Secret key copied; it leaves the clipboard when this dialog closes.</source>
        <translation>Geheimer Schlüssel kopiert; er wird aus der Zwischenablage entfernt, wenn dieser Dialog schließt.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/enrollment_dialog.py" line="270"/>
        <source>Copied.</source>
        <translation>Kopiert.</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/record_dialogs.py" line="33"/>
        <source>Erase patient</source>
        <translation>Patient löschen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/record_dialogs.py" line="36"/>
        <source>Erasing %1 destroys the record&apos;s key: every photo, visit and note becomes unreadable on this PC, in backups and in the cloud. This cannot be undone.

Type the patient&apos;s family name to confirm.</source>
        <translation>Das Löschen von %1 vernichtet den Schlüssel der Akte: Alle Fotos, Besuche und Notizen werden auf diesem PC, in Sicherungen und in der Cloud unlesbar. Das lässt sich nicht rückgängig machen.

Geben Sie zur Bestätigung den Nachnamen des Patienten ein.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/record_dialogs.py" line="46"/>
        <source>Family name to confirm erasure</source>
        <translation>Nachname zur Bestätigung der Löschung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/record_dialogs.py" line="49"/>
        <source>Erase for good</source>
        <translation>Endgültig löschen</translation>
    </message>
</context>
<context>
    <name>FirstRunForm</name>
    <message>
        <location filename="../../ui/first_run.ui" line="9"/>
        <source>Welcome to PixioDoc</source>
        <translation>Willkommen bei PixioDoc</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.ui" line="15"/>
        <source>Create the encrypted vault for your clinic&apos;s photographs. Everything stays on this computer.</source>
        <translation>Legen Sie den verschlüsselten Tresor für die Fotos Ihrer Praxis an. Alles bleibt auf diesem Computer.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.ui" line="23"/>
        <source>Does another PC of your clinic already have the vault?</source>
        <translation>Hat ein anderer PC Ihrer Praxis den Tresor schon?</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.ui" line="24"/>
        <source>Join your clinic…</source>
        <translation>Ihrer Praxis beitreten…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.ui" line="32"/>
        <location filename="../../ui/first_run.ui" line="33"/>
        <source>Clinic name</source>
        <translation>Name der Praxis</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.ui" line="33"/>
        <source>e.g. Dermatology Practice Riverside</source>
        <translation>z. B. Hautarztpraxis am Stadtpark</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.ui" line="34"/>
        <location filename="../../ui/first_run.ui" line="35"/>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.ui" line="35"/>
        <source>e.g. Dr. Anna Weber</source>
        <translation>z. B. Dr. Anna Weber</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.ui" line="36"/>
        <location filename="../../ui/first_run.ui" line="37"/>
        <source>Login</source>
        <translation>Anmeldename</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.ui" line="37"/>
        <source>e.g. a.weber</source>
        <translation>z. B. a.weber</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.ui" line="38"/>
        <location filename="../../ui/first_run.ui" line="39"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.ui" line="43"/>
        <source>Password strength</source>
        <translation>Passwortstärke</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.ui" line="47"/>
        <location filename="../../ui/first_run.ui" line="48"/>
        <source>Repeat password</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.ui" line="49"/>
        <location filename="../../ui/first_run.ui" line="52"/>
        <source>Vault folder</source>
        <translation>Tresorordner</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.ui" line="53"/>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.ui" line="53"/>
        <source>Choose the vault folder</source>
        <translation>Tresorordner auswählen</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.ui" line="67"/>
        <source>Open an existing vault…</source>
        <translation>Vorhandenen Tresor öffnen…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.ui" line="69"/>
        <source>Create vault</source>
        <translation>Tresor anlegen</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/first_run.py" line="69"/>
        <source>Choose a folder for the new vault</source>
        <translation>Ordner für den neuen Tresor auswählen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/first_run.py" line="75"/>
        <source>Open an existing vault</source>
        <translation>Vorhandenen Tresor öffnen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/first_run.py" line="87"/>
        <source>Enter the clinic&apos;s name.</source>
        <translation>Geben Sie den Namen der Praxis ein.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/first_run.py" line="88"/>
        <source>Enter your name.</source>
        <translation>Geben Sie Ihren Namen ein.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/first_run.py" line="89"/>
        <source>Choose a login.</source>
        <translation>Wählen Sie einen Anmeldenamen.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/first_run.py" line="90"/>
        <source>Choose a folder for the vault.</source>
        <translation>Wählen Sie einen Ordner für den Tresor.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/first_run.py" line="100"/>
        <source>Choose a stronger password.</source>
        <translation>Wählen Sie ein stärkeres Passwort.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/first_run.py" line="104"/>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/first_run.py" line="107"/>
        <source>Creating the vault…</source>
        <translation>Der Tresor wird angelegt…</translation>
    </message>
</context>
<context>
    <name>GdtDialog</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/practice_dialogs.py" line="33"/>
        <source>Practice software (GDT)</source>
        <translation>Praxissoftware (GDT)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/practice_dialogs.py" line="47"/>
        <source>As each file says (field 9206)</source>
        <translation>Wie in der Datei angegeben (Feld 9206)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/practice_dialogs.py" line="58"/>
        <source>Fixed (PVS1PIXO.gdt)</source>
        <translation>Fest (PVS1PIXO.gdt)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/practice_dialogs.py" line="59"/>
        <source>Numbered (PVS1PIXO.001, .002 …)</source>
        <translation>Nummeriert (PVS1PIXO.001, .002 …)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/practice_dialogs.py" line="66"/>
        <source>Requests from the practice software (in-folder)</source>
        <translation>Anfragen der Praxissoftware (Eingangsordner)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/practice_dialogs.py" line="67"/>
        <source>Results for the practice software (out-folder)</source>
        <translation>Ergebnisse für die Praxissoftware (Ausgangsordner)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/practice_dialogs.py" line="68"/>
        <source>GDT id of PixioDoc</source>
        <translation>GDT-Kennung von PixioDoc</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/practice_dialogs.py" line="69"/>
        <source>GDT id of the practice software</source>
        <translation>GDT-Kennung der Praxissoftware</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/practice_dialogs.py" line="70"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/practice_dialogs.py" line="71"/>
        <source>Character set written</source>
        <translation>Zeichensatz beim Schreiben</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/practice_dialogs.py" line="72"/>
        <source>Character set read</source>
        <translation>Zeichensatz beim Lesen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/practice_dialogs.py" line="73"/>
        <source>File names</source>
        <translation>Dateinamen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/practice_dialogs.py" line="90"/>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/practice_dialogs.py" line="97"/>
        <source>Choose a folder</source>
        <translation>Ordner auswählen</translation>
    </message>
</context>
<context>
    <name>GhostOverlayPanel</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_overlay.py" line="91"/>
        <source>Overlay</source>
        <translation>Überlagerung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_overlay.py" line="99"/>
        <location filename="../../pixiodoc_desktop/gui/views/capture_overlay.py" line="100"/>
        <source>Ghost of the last visit&apos;s photo</source>
        <translation>Geisterbild des Fotos vom letzten Besuch</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_overlay.py" line="106"/>
        <source>Opacity</source>
        <translation>Deckkraft</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_overlay.py" line="112"/>
        <source>Ghost opacity</source>
        <translation>Deckkraft des Geisterbilds</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_overlay.py" line="119"/>
        <location filename="../../pixiodoc_desktop/gui/views/capture_overlay.py" line="120"/>
        <source>Edges only</source>
        <translation>Nur Kanten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_overlay.py" line="121"/>
        <location filename="../../pixiodoc_desktop/gui/views/capture_overlay.py" line="122"/>
        <source>Grid</source>
        <translation>Raster</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_overlay.py" line="149"/>
        <source>Choose a body site or lesion to see its last photo.</source>
        <translation>Wählen Sie eine Körperstelle oder Läsion, um ihr letztes Foto zu sehen.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_overlay.py" line="151"/>
        <source>No photo of this site from an earlier visit.</source>
        <translation>Kein Foto dieser Stelle von einem früheren Besuch.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_overlay.py" line="158"/>
        <source>Loading the last visit&apos;s photo…</source>
        <translation>Das Foto des letzten Besuchs wird geladen…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_overlay.py" line="206"/>
        <source>The last visit&apos;s photo could not be opened.</source>
        <translation>Das Foto des letzten Besuchs konnte nicht geöffnet werden.</translation>
    </message>
</context>
<context>
    <name>HotFolderPanel</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_hot_folder.py" line="92"/>
        <source>Photos a tethered camera saves into this folder go into the record chosen on the Record tab; the files are removed once they are safe.</source>
        <translation>Fotos, die eine angeschlossene Kamera in diesen Ordner speichert, kommen in die auf dem Reiter „Akte“ gewählte Akte; die Dateien werden entfernt, sobald sie sicher gespeichert sind.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_hot_folder.py" line="100"/>
        <source>Hot folder</source>
        <translation>Überwachter Ordner</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_hot_folder.py" line="101"/>
        <source>Folder the camera saves into</source>
        <translation>Ordner, in den die Kamera speichert</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_hot_folder.py" line="102"/>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_hot_folder.py" line="103"/>
        <source>Choose the hot folder</source>
        <translation>Überwachten Ordner auswählen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_hot_folder.py" line="106"/>
        <location filename="../../pixiodoc_desktop/gui/views/capture_hot_folder.py" line="107"/>
        <location filename="../../pixiodoc_desktop/gui/views/capture_hot_folder.py" line="190"/>
        <location filename="../../pixiodoc_desktop/gui/views/capture_hot_folder.py" line="191"/>
        <source>Start watching</source>
        <translation>Überwachung starten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_hot_folder.py" line="108"/>
        <location filename="../../pixiodoc_desktop/gui/views/capture_hot_folder.py" line="192"/>
        <source>Not watching.</source>
        <translation>Keine Überwachung.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_hot_folder.py" line="112"/>
        <source>Hot folder results</source>
        <translation>Ergebnisse des überwachten Ordners</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_hot_folder.py" line="123"/>
        <source>Choose the folder the camera saves into</source>
        <translation>Ordner auswählen, in den die Kamera speichert</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_hot_folder.py" line="176"/>
        <source>The folder cannot be watched: %1</source>
        <translation>Der Ordner kann nicht überwacht werden: %1</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_hot_folder.py" line="180"/>
        <location filename="../../pixiodoc_desktop/gui/views/capture_hot_folder.py" line="181"/>
        <source>Stop watching</source>
        <translation>Überwachung beenden</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_hot_folder.py" line="182"/>
        <source>Watching %1</source>
        <translation>Überwacht: %1</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_hot_folder.py" line="237"/>
        <source>Imported %1</source>
        <translation>Importiert: %1</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_hot_folder.py" line="239"/>
        <source>%1 is already in the record (file removed)</source>
        <translation>%1 ist bereits in der Akte (Datei entfernt)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_hot_folder.py" line="242"/>
        <source>%1 was put into quarantine: %2</source>
        <translation>%1 wurde in Quarantäne verschoben: %2</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_hot_folder.py" line="248"/>
        <source>%1 not imported yet (tried again): %2</source>
        <translation>%1 noch nicht importiert (erneuter Versuch): %2</translation>
    </message>
</context>
<context>
    <name>ImportContextDialog</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/import_context_dialog.py" line="60"/>
        <source>Import photos for %1</source>
        <translation>Fotos importieren für %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pixiodoc_desktop/gui/views/import_context_dialog.py" line="63"/>
        <source>%n photo(s) will be added to the record of %1.</source>
        <translation>
            <numerusform>%n Foto wird der Akte von %1 hinzugefügt.</numerusform>
            <numerusform>%n Fotos werden der Akte von %1 hinzugefügt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/import_context_dialog.py" line="70"/>
        <source>A visit on each photo&apos;s capture date</source>
        <translation>Besuch am Aufnahmedatum jedes Fotos</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/import_context_dialog.py" line="71"/>
        <source>New visit on…</source>
        <translation>Neuer Besuch am…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/import_context_dialog.py" line="90"/>
        <source>No tracked lesion</source>
        <translation>Keine verfolgte Läsion</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/import_context_dialog.py" line="99"/>
        <source>Visit</source>
        <translation>Besuch</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/import_context_dialog.py" line="100"/>
        <source>Date of the new visit</source>
        <translation>Datum des neuen Besuchs</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/import_context_dialog.py" line="103"/>
        <source>Body site</source>
        <translation>Körperstelle</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/import_context_dialog.py" line="104"/>
        <source>Lesion</source>
        <translation>Läsion</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/import_context_dialog.py" line="105"/>
        <source>Modality</source>
        <translation>Modalität</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/import_context_dialog.py" line="111"/>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/importing.py" line="81"/>
        <source>An import is already running.</source>
        <translation>Es läuft bereits ein Import.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/importing.py" line="199"/>
        <source>%1 imported, %2 duplicates, %3 refused</source>
        <translation>%1 importiert, %2 Duplikate, %3 abgelehnt</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/import_dialog.py" line="54"/>
        <source>Import photos</source>
        <translation>Fotos importieren</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/import_dialog.py" line="73"/>
        <source>Import progress</source>
        <translation>Importfortschritt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/import_dialog.py" line="80"/>
        <source>These files were not imported:</source>
        <translation>Diese Dateien wurden nicht importiert:</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/import_dialog.py" line="83"/>
        <source>Files not imported</source>
        <translation>Nicht importierte Dateien</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/import_dialog.py" line="84"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/import_dialog.py" line="84"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/import_dialog.py" line="99"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/import_dialog.py" line="102"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/import_dialog.py" line="126"/>
        <source>Importing photos</source>
        <translation>Fotos werden importiert</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/import_dialog.py" line="127"/>
        <source>Preparing the import…</source>
        <translation>Der Import wird vorbereitet…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/import_dialog.py" line="161"/>
        <source>Importing {done} of {total} — {name}</source>
        <translation>Importiere {done} von {total} — {name}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/import_dialog.py" line="173"/>
        <source>Cancelling… files already imported are kept.</source>
        <translation>Wird abgebrochen… bereits importierte Dateien bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/import_dialog.py" line="207"/>
        <source>Import cancelled</source>
        <translation>Import abgebrochen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/import_dialog.py" line="209"/>
        <source>Import finished</source>
        <translation>Import abgeschlossen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/import_dialog.py" line="212"/>
        <source>No files were imported.</source>
        <translation>Es wurden keine Dateien importiert.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/import_dialog.py" line="214"/>
        <source>Files already imported are kept in the vault.</source>
        <translation>Bereits importierte Dateien bleiben im Tresor.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/import_dialog.py" line="242"/>
        <source>{count} imported</source>
        <translation>{count} importiert</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/import_dialog.py" line="243"/>
        <source>1 duplicate</source>
        <translation>1 Duplikat</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/import_dialog.py" line="245"/>
        <source>{count} duplicates</source>
        <translation>{count} Duplikate</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/import_dialog.py" line="246"/>
        <source>{count} refused</source>
        <translation>{count} abgelehnt</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="51"/>
        <source>Join your clinic</source>
        <translation>Ihrer Praxis beitreten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="55"/>
        <source>On a PC of your clinic, a practice Admin opens Practice › Enrollment code for another PC… and creates a one-time code. Enter it here with the clinic&apos;s bucket shown beside it. This PC then receives the clinic&apos;s records, and everyone logs in with their usual login.</source>
        <translation>Auf einem PC Ihrer Praxis öffnet ein Praxis-Admin Praxis › Einrichtungscode für einen weiteren PC… und erstellt einen einmaligen Code. Geben Sie ihn hier mit dem daneben angezeigten Bucket der Praxis ein. Dieser PC empfängt dann die Daten der Praxis, und jeder meldet sich mit seinem gewohnten Anmeldenamen an.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="62"/>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="93"/>
        <source>Enrollment code</source>
        <translation>Einrichtungscode</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="64"/>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="101"/>
        <source>Endpoint URL</source>
        <translation>Endpunkt-URL</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="65"/>
        <source>empty for AWS S3; e.g. https://s3.clinic.lan</source>
        <translation>leer für AWS S3; z. B. https://s3.praxis.lan</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="66"/>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="102"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="67"/>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="103"/>
        <source>Bucket</source>
        <translation>Bucket</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="68"/>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="104"/>
        <source>Folder prefix</source>
        <translation>Ordner-Präfix</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="69"/>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="105"/>
        <source>Access key</source>
        <translation>Zugangsschlüssel</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="70"/>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="106"/>
        <source>Secret key</source>
        <translation>Geheimer Schlüssel</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="72"/>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="109"/>
        <source>Vault folder</source>
        <translation>Tresorordner</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="74"/>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="76"/>
        <source>Choose the vault folder</source>
        <translation>Tresorordner auswählen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="78"/>
        <source>Paste the Admin&apos;s details</source>
        <translation>Angaben des Admins einfügen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="81"/>
        <source>Fills the bucket&apos;s fields from what the Admin&apos;s Copy bucket details copied.</source>
        <translation>Füllt die Felder des Buckets mit dem, was Bucket-Angaben kopieren beim Admin kopiert hat.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="86"/>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="110"/>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="87"/>
        <source>Fetched when first shown (ready sooner)</source>
        <translation>Beim ersten Anzeigen geladen (schneller bereit)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="88"/>
        <source>All downloaded now (also offline)</source>
        <translation>Alle jetzt geladen (auch offline verfügbar)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="94"/>
        <source>The clinic&apos;s bucket</source>
        <translation>Der Bucket der Praxis</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="117"/>
        <source>Joining progress</source>
        <translation>Fortschritt des Beitritts</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="125"/>
        <source>Join the clinic</source>
        <translation>Der Praxis beitreten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="181"/>
        <source>Enter the enrollment code the Admin created.</source>
        <translation>Geben Sie den Einrichtungscode ein, den der Admin erstellt hat.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="182"/>
        <source>Enter the clinic&apos;s bucket.</source>
        <translation>Geben Sie den Bucket der Praxis ein.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="183"/>
        <source>Enter the access key.</source>
        <translation>Geben Sie den Zugangsschlüssel ein.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="184"/>
        <source>Enter the secret key.</source>
        <translation>Geben Sie den geheimen Schlüssel ein.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="185"/>
        <source>Choose a folder for the vault.</source>
        <translation>Wählen Sie einen Ordner für den Tresor.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="211"/>
        <source>Connecting to the clinic&apos;s bucket…</source>
        <translation>Verbindung mit dem Bucket der Praxis…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="212"/>
        <source>Checking the enrollment code…</source>
        <translation>Der Einrichtungscode wird geprüft…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="213"/>
        <source>Receiving the clinic&apos;s records…</source>
        <translation>Die Daten der Praxis werden empfangen…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="236"/>
        <source>Choose a folder for the vault</source>
        <translation>Ordner für den Tresor wählen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/join_dialog.py" line="249"/>
        <source>The clipboard holds no bucket details from an Admin&apos;s PC.</source>
        <translation>Die Zwischenablage enthält keine Bucket-Angaben vom PC eines Admins.</translation>
    </message>
</context>
<context>
    <name>Joining</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/joining.py" line="45"/>
        <source>The clinic&apos;s bucket at %1 cannot be reached (offline, or a wrong endpoint URL). Nothing was set up on this PC.</source>
        <translation>Der Bucket der Praxis unter %1 ist nicht erreichbar (offline oder falsche Endpunkt-URL). Auf diesem PC wurde nichts eingerichtet.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/joining.py" line="51"/>
        <source>The clinic&apos;s bucket at %1 refuses this access key or secret key; check both against the Admin&apos;s Sync settings. Nothing was set up on this PC.</source>
        <translation>Der Bucket der Praxis unter %1 lehnt diesen Zugangsschlüssel oder geheimen Schlüssel ab; vergleichen Sie beide mit der Synchronisation beim Admin. Auf diesem PC wurde nichts eingerichtet.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/joining.py" line="58"/>
        <source>The join failed (%1); nothing was set up on this PC.</source>
        <translation>Der Beitritt ist fehlgeschlagen (%1); auf diesem PC wurde nichts eingerichtet.</translation>
    </message>
</context>
<context>
    <name>LesionCard</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/lesion_card.py" line="49"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/lesion_card.py" line="59"/>
        <source>Biopsy/excision…</source>
        <translation>Eingriff…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/lesion_card.py" line="61"/>
        <source>Record a biopsy or an excision with its histology</source>
        <translation>Eine Biopsie oder Exzision mit ihrer Histologie festhalten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/lesion_card.py" line="68"/>
        <source>Grown when the diameter grew by</source>
        <translation>Gewachsen, wenn der Durchmesser zunahm um</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/lesion_card.py" line="71"/>
        <source>The clinic&apos;s threshold: a lesion whose largest diameter grew this much shows as grown. Workspace admins change it.</source>
        <translation>Die Schwelle der Praxis: Eine Läsion, deren größter Durchmesser um so viel zunahm, gilt als gewachsen. Arbeitsbereich-Administratoren ändern sie.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/lesion_card.py" line="84"/>
        <source>Threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/lesion_card.py" line="123"/>
        <source>Not measured yet: accept an outline in the compare view.</source>
        <translation>Noch nicht vermessen: Übernehmen Sie im Vergleich eine Umrandung.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/lesion_card.py" line="127"/>
        <source>Largest diameter %1 mm, area %2 mm² (one visit)</source>
        <translation>Größter Durchmesser %1 mm, Fläche %2 mm² (ein Besuch)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/lesion_card.py" line="133"/>
        <source>Largest diameter %1 → %2 mm (%3 mm), area %4 → %5 mm² over %6 visits</source>
        <translation>Größter Durchmesser %1 → %2 mm (%3 mm), Fläche %4 → %5 mm² über %6 Besuche</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/lesion_dialogs.py" line="21"/>
        <source>Biopsy</source>
        <translation>Biopsie</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/lesion_dialogs.py" line="22"/>
        <source>Excision</source>
        <translation>Exzision</translation>
    </message>
</context>
<context>
    <name>LesionChart</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/lesion_chart.py" line="27"/>
        <source>Largest diameter over visits</source>
        <translation>Größter Durchmesser im Verlauf</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/lesion_chart.py" line="40"/>
        <location filename="../../pixiodoc_desktop/gui/widgets/lesion_chart.py" line="89"/>
        <source>Not measured yet</source>
        <translation>Noch nicht vermessen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/lesion_chart.py" line="86"/>
        <source>Largest diameter (mm)</source>
        <translation>Größter Durchmesser (mm)</translation>
    </message>
</context>
<context>
    <name>LesionDialog</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/dialogs.py" line="243"/>
        <source>Track a lesion</source>
        <translation>Läsion verfolgen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/dialogs.py" line="262"/>
        <source>Give the lesion a label.</source>
        <translation>Geben Sie der Läsion eine Bezeichnung.</translation>
    </message>
</context>
<context>
    <name>LesionForm</name>
    <message>
        <location filename="../../ui/lesion.ui" line="11"/>
        <location filename="../../ui/lesion.ui" line="12"/>
        <source>Body site</source>
        <translation>Körperstelle</translation>
    </message>
    <message>
        <location filename="../../ui/lesion.ui" line="13"/>
        <location filename="../../ui/lesion.ui" line="14"/>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <location filename="../../ui/lesion.ui" line="14"/>
        <source>e.g. Naevus left shoulder</source>
        <translation>z. B. Nävus linke Schulter</translation>
    </message>
    <message>
        <location filename="../../ui/lesion.ui" line="15"/>
        <location filename="../../ui/lesion.ui" line="16"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
</context>
<context>
    <name>LicenceDialog</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/licence_dialog.py" line="45"/>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/licence_dialog.py" line="64"/>
        <source>Plan</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/licence_dialog.py" line="65"/>
        <source>Licensed to</source>
        <translation>Lizenziert für</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/licence_dialog.py" line="66"/>
        <source>Clinicians</source>
        <translation>Behandelnde</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/licence_dialog.py" line="67"/>
        <source>Patients</source>
        <translation>Patienten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/licence_dialog.py" line="68"/>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/licence_dialog.py" line="69"/>
        <source>Includes</source>
        <translation>Enthält</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/licence_dialog.py" line="70"/>
        <source>Install licence file…</source>
        <translation>Lizenzdatei installieren…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/licence_dialog.py" line="75"/>
        <source>Only a practice Admin may install a licence.</source>
        <translation>Nur eine Praxis-Administration darf eine Lizenz installieren.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/licence_dialog.py" line="104"/>
        <source>Free</source>
        <translation>Free</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/licence_dialog.py" line="105"/>
        <source>Pro</source>
        <translation>Pro</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/licence_dialog.py" line="106"/>
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/licence_dialog.py" line="107"/>
        <source>Demo (every feature, to try)</source>
        <translation>Demo (alle Funktionen zum Ausprobieren)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/licence_dialog.py" line="116"/>
        <source>up to %1 active</source>
        <translation>bis zu %1 aktive</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/licence_dialog.py" line="118"/>
        <source>no limit</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/licence_dialog.py" line="122"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/licence_dialog.py" line="124"/>
        <source>%1 (no limit)</source>
        <translation>%1 (unbegrenzt)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/licence_dialog.py" line="126"/>
        <source>no expiry</source>
        <translation>unbefristet</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/licence_dialog.py" line="128"/>
        <source>unlimited patients</source>
        <translation>unbegrenzt viele Patienten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/licence_dialog.py" line="129"/>
        <source>before/after slider</source>
        <translation>Vorher-nachher-Schieberegler</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/licence_dialog.py" line="130"/>
        <source>sharing a record with chosen colleagues</source>
        <translation>Akten mit ausgewählten Kollegen teilen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/licence_dialog.py" line="135"/>
        <source>capture and import</source>
        <translation>Aufnahme und Import</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/licence_dialog.py" line="136"/>
        <source>timeline and body map</source>
        <translation>Verlauf und Körperkarte</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/licence_dialog.py" line="137"/>
        <source>comparison and measurements</source>
        <translation>Vergleich und Messungen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/licence_dialog.py" line="138"/>
        <source>PDF reports</source>
        <translation>PDF-Berichte</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/licence_dialog.py" line="139"/>
        <source>case bundles and secure links for outside colleagues</source>
        <translation>Fallpakete und sichere Links für externe Kollegen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/licence_dialog.py" line="157"/>
        <source>Install licence file</source>
        <translation>Lizenzdatei installieren</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/licence_dialog.py" line="159"/>
        <source>PixioDoc licence (*.pxlicence *.json);;All files (*)</source>
        <translation>PixioDoc-Lizenz (*.pxlicence *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/licence_dialog.py" line="177"/>
        <source>Licence installed: %1.</source>
        <translation>Lizenz installiert: %1.</translation>
    </message>
</context>
<context>
    <name>LiveFeed</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_live_feed.py" line="73"/>
        <source>%1 fps · %2 × %3 · %4 frames skipped</source>
        <translation>%1 Bilder/s · %2 × %3 · %4 Bilder übersprungen</translation>
    </message>
</context>
<context>
    <name>LivePreview</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/live_preview.py" line="120"/>
        <source>Live camera picture</source>
        <translation>Live-Kamerabild</translation>
    </message>
</context>
<context>
    <name>LostChanges</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/lost_changes.py" line="35"/>
        <source>Open missing changes</source>
        <translation>Fehlende Änderungen öffnen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/lost_changes.py" line="48"/>
        <source>Changes missing: %1</source>
        <translation>Fehlende Änderungen: %1</translation>
    </message>
</context>
<context>
    <name>LostChangesDialog</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/lost_changes_dialog.py" line="34"/>
        <source>Changes missing</source>
        <translation>Fehlende Änderungen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/lost_changes_dialog.py" line="38"/>
        <source>Missing changes</source>
        <translation>Fehlende Änderungen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/lost_changes_dialog.py" line="41"/>
        <source>These changes are missing from the clinic&apos;s bucket or damaged there. The workstation that made them puts them back at its next sync. If that workstation is gone for good, an Admin can accept the changes as lost: the workstations then go on without them, and a workstation that has them sends its copy to the others.</source>
        <translation>Diese Änderungen fehlen im Speicher der Praxis oder sind dort beschädigt. Der Arbeitsplatz, der sie gemacht hat, stellt sie bei seiner nächsten Synchronisation wieder her. Gibt es diesen Arbeitsplatz nicht mehr, kann ein Admin die Änderungen als verloren annehmen: Die Arbeitsplätze machen dann ohne sie weiter, und ein Arbeitsplatz, der sie hat, schickt den anderen seine Kopie.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/lost_changes_dialog.py" line="50"/>
        <source>I understand that the chosen changes are lost for good</source>
        <translation>Ich verstehe, dass die gewählten Änderungen endgültig verloren sind</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/lost_changes_dialog.py" line="52"/>
        <source>Accept as lost</source>
        <translation>Als verloren annehmen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/lost_changes_dialog.py" line="63"/>
        <source>Only a practice Admin can accept changes as lost.</source>
        <translation>Nur ein Admin der Praxis kann Änderungen als verloren annehmen.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/lost_changes_dialog.py" line="76"/>
        <source>Workstation %1: batch %2 and the changes after it</source>
        <translation>Arbeitsplatz %1: Stapel %2 und die Änderungen danach</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/window_chrome.py" line="120"/>
        <source>Find patient</source>
        <translation>Patient suchen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/window_chrome.py" line="126"/>
        <source>New patient…</source>
        <translation>Neuer Patient…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/window_chrome.py" line="132"/>
        <source>Import photos…</source>
        <translation>Fotos importieren…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/window_chrome.py" line="138"/>
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/window_chrome.py" line="141"/>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/window_chrome.py" line="146"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/window_chrome.py" line="148"/>
        <source>Edit patient…</source>
        <translation>Patient bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/window_chrome.py" line="154"/>
        <source>New visit…</source>
        <translation>Neuer Besuch…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/window_chrome.py" line="157"/>
        <source>Track lesion…</source>
        <translation>Läsion verfolgen…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/window_chrome.py" line="163"/>
        <source>Record consent…</source>
        <translation>Einwilligung erfassen…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/window_chrome.py" line="169"/>
        <source>Open in viewer</source>
        <translation>Im Betrachter öffnen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/window_chrome.py" line="175"/>
        <source>Capture photos…</source>
        <translation>Fotos aufnehmen…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/window_chrome.py" line="181"/>
        <source>Compare…</source>
        <translation>Vergleichen…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/window_chrome.py" line="187"/>
        <source>Audit trail…</source>
        <translation>Protokoll…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/window_chrome.py" line="193"/>
        <source>Clinicians…</source>
        <translation>Benutzer…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/window_chrome.py" line="202"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/window_chrome.py" line="208"/>
        <source>&amp;Patient</source>
        <translation>&amp;Patient</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/window_chrome.py" line="219"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/window_chrome.py" line="222"/>
        <source>P&amp;ractice</source>
        <translation>P&amp;raxis</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/window_chrome.py" line="234"/>
        <source>Vault state</source>
        <translation>Tresorstatus</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/window_chrome.py" line="236"/>
        <source>Clinician</source>
        <translation>Behandelnde Person</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/window_chrome.py" line="245"/>
        <source>Working…</source>
        <translation>Wird bearbeitet…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/window_chrome.py" line="255"/>
        <source>Vault unlocked: %1</source>
        <translation>Tresor entsperrt: %1</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/window_chrome.py" line="258"/>
        <source>Clinician: %1</source>
        <translation>Angemeldet: %1</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/window_chrome.py" line="262"/>
        <source>Vault locked: %1</source>
        <translation>Tresor gesperrt: %1</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/window_chrome.py" line="264"/>
        <source>No vault open</source>
        <translation>Kein Tresor geöffnet</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/entrance.py" line="165"/>
        <source>Open a vault</source>
        <translation>Tresor öffnen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/main_window.py" line="361"/>
        <source>Import photos</source>
        <translation>Fotos importieren</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/main_window.py" line="408"/>
        <source>Storing the photo just taken, then closing…</source>
        <translation>Das eben aufgenommene Foto wird gespeichert, dann wird geschlossen…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/importing.py" line="34"/>
        <source>Images (%1);;All files (*)</source>
        <translation>Bilder (%1);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/settings_opening.py" line="87"/>
        <source>Settings saved.</source>
        <translation>Einstellungen gespeichert.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/workspace.py" line="78"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/workspace.py" line="79"/>
        <source>Body map</source>
        <translation>Körperkarte</translation>
    </message>
</context>
<context>
    <name>NewPasswordDialog</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="69"/>
        <source>Clinician</source>
        <translation>Behandelnde Person</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="70"/>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="81"/>
        <source>Password strength</source>
        <translation>Passwortstärke</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="93"/>
        <source>Login</source>
        <translation>Anmeldename</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="94"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="95"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="96"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="99"/>
        <source>Repeat password</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="110"/>
        <source>A new password for %1. Their old password stops working at once; give them the new one in person.</source>
        <translation>Ein neues Passwort für %1. Das alte Passwort gilt ab sofort nicht mehr; geben Sie das neue persönlich weiter.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="136"/>
        <source>Choose a stronger password.</source>
        <translation>Wählen Sie ein stärkeres Passwort.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="140"/>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>NewRecoveryKeyDialog</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="152"/>
        <source>Renew the practice&apos;s keys</source>
        <translation>Schlüssel der Praxis erneuern</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/clinicians_dialog.py" line="159"/>
        <source>These clinicians need a new password (Reset password…): %1</source>
        <translation>Diese Behandelnden brauchen ein neues Passwort (Passwort zurücksetzen…): %1</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/notify.py" line="99"/>
        <source>PixioDoc</source>
        <translation>PixioDoc</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/notify.py" line="121"/>
        <source>(no log file)</source>
        <translation>(keine Protokolldatei)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/notify.py" line="125"/>
        <source>PixioDoc ran into an unexpected problem ({kind}).

Your records are safe: every change is saved as it is made.
Technical details (without patient data) were written to:
{log}</source>
        <translation>In PixioDoc ist ein unerwarteter Fehler aufgetreten ({kind}).

Ihre Daten sind sicher: Jede Änderung wird sofort gespeichert.
Technische Details (ohne Patientendaten) stehen in:
{log}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/notify.py" line="138"/>
        <source>PixioDoc — unexpected problem</source>
        <translation>PixioDoc — unerwarteter Fehler</translation>
    </message>
</context>
<context>
    <name>OpinionNotice</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/opinion_notice.py" line="80"/>
        <source>New second opinion: %1</source>
        <translation>Neue Zweitmeinung: %1</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/opinion_notice.py" line="84"/>
        <source>New second opinions on %1 records</source>
        <translation>Neue Zweitmeinungen zu %1 Akten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/opinion_notice.py" line="90"/>
        <source>Open the record to read it</source>
        <translation>Akte öffnen, um sie zu lesen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/opinion_notice.py" line="98"/>
        <source>A second opinion arrived for %1.</source>
        <translation>Eine Zweitmeinung ist eingetroffen für %1.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/opinion_notice.py" line="102"/>
        <source>Second opinions arrived for %1 records.</source>
        <translation>Zweitmeinungen sind eingetroffen für %1 Akten.</translation>
    </message>
</context>
<context>
    <name>PacsDialog</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/record_dialogs.py" line="109"/>
        <source>PACS</source>
        <translation>PACS</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/record_dialogs.py" line="121"/>
        <source>PACS AE title</source>
        <translation>AE-Titel des PACS</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/record_dialogs.py" line="122"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/record_dialogs.py" line="123"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/record_dialogs.py" line="124"/>
        <source>Our AE title</source>
        <translation>Eigener AE-Titel</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/record_dialogs.py" line="125"/>
        <source>DICOMweb URL (optional)</source>
        <translation>DICOMweb-URL (optional)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/record_dialogs.py" line="131"/>
        <source>Connection test result</source>
        <translation>Ergebnis des Verbindungstests</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/record_dialogs.py" line="132"/>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/record_dialogs.py" line="156"/>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
</context>
<context>
    <name>PatientDialog</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/dialogs.py" line="108"/>
        <source>New patient</source>
        <translation>Neuer Patient</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/dialogs.py" line="108"/>
        <source>Edit patient</source>
        <translation>Patient bearbeiten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/dialogs.py" line="131"/>
        <source>Enter the family name.</source>
        <translation>Geben Sie den Nachnamen ein.</translation>
    </message>
</context>
<context>
    <name>PatientForm</name>
    <message>
        <location filename="../../ui/patient.ui" line="11"/>
        <location filename="../../ui/patient.ui" line="12"/>
        <source>Family name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <location filename="../../ui/patient.ui" line="13"/>
        <location filename="../../ui/patient.ui" line="14"/>
        <source>Given name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <location filename="../../ui/patient.ui" line="15"/>
        <location filename="../../ui/patient.ui" line="16"/>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <location filename="../../ui/patient.ui" line="16"/>
        <source>YYYY-MM-DD</source>
        <translation>TT.MM.JJJJ</translation>
    </message>
    <message>
        <location filename="../../ui/patient.ui" line="17"/>
        <location filename="../../ui/patient.ui" line="18"/>
        <source>Sex</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <location filename="../../ui/patient.ui" line="19"/>
        <location filename="../../ui/patient.ui" line="20"/>
        <source>Patient number (MRN)</source>
        <translation>Patientennummer</translation>
    </message>
    <message>
        <location filename="../../ui/patient.ui" line="21"/>
        <location filename="../../ui/patient.ui" line="22"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
</context>
<context>
    <name>PatientListModel</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/models/patients.py" line="135"/>
        <source>New second opinion</source>
        <translation>Neue Zweitmeinung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/models/patients.py" line="138"/>
        <source>new second opinion</source>
        <translation>neue Zweitmeinung</translation>
    </message>
</context>
<context>
    <name>PatientPanel</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/patients.py" line="43"/>
        <source>Find a patient (name, number, date of birth)</source>
        <translation>Patient suchen (Name, Nummer, Geburtsdatum)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/patients.py" line="44"/>
        <source>Find a patient</source>
        <translation>Patient suchen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/patients.py" line="47"/>
        <location filename="../../pixiodoc_desktop/gui/views/patients.py" line="48"/>
        <source>New patient</source>
        <translation>Neuer Patient</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/patients.py" line="49"/>
        <source>Recent</source>
        <translation>Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/patients.py" line="52"/>
        <source>Recent patients</source>
        <translation>Zuletzt geöffnete Patienten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/patients.py" line="54"/>
        <location filename="../../pixiodoc_desktop/gui/views/patients.py" line="58"/>
        <source>Patients</source>
        <translation>Patienten</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pixiodoc_desktop/gui/views/patients.py" line="190"/>
        <source>%1 of more than %Ln patient(s)</source>
        <translation>
            <numerusform>%1 von mehr als %Ln Patient</numerusform>
            <numerusform>%1 von mehr als %Ln Patienten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../pixiodoc_desktop/gui/views/patients.py" line="193"/>
        <source>%1 of %Ln patient(s)</source>
        <translation>
            <numerusform>%1 von %Ln Patient</numerusform>
            <numerusform>%1 von %Ln Patienten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../pixiodoc_desktop/gui/views/patients.py" line="196"/>
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n Patient</numerusform>
            <numerusform>%n Patienten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhoneCapture</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/phone_capture.py" line="34"/>
        <source>The code was not scanned in time. Open a new pairing.</source>
        <translation>Der Code wurde nicht rechtzeitig gescannt. Bitte neu koppeln.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/phone_capture.py" line="37"/>
        <source>The pairing ended after ten minutes without photos.</source>
        <translation>Die Kopplung endete nach zehn Minuten ohne Fotos.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/phone_capture.py" line="40"/>
        <source>The pairing ended after one hour.</source>
        <translation>Die Kopplung endete nach einer Stunde.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/phone_capture.py" line="43"/>
        <source>The pairing ended: the workstation was locked.</source>
        <translation>Die Kopplung ist beendet: Der Arbeitsplatz wurde gesperrt.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/phone_capture.py" line="46"/>
        <source>The pairing ended: another record was opened.</source>
        <translation>Die Kopplung ist beendet: Eine andere Akte wurde geöffnet.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/phone_capture.py" line="51"/>
        <source>The pairing has ended.</source>
        <translation>Die Kopplung ist beendet.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/phone_capture.py" line="81"/>
        <location filename="../../pixiodoc_desktop/gui/phone_capture.py" line="115"/>
        <source>Capture with phone…</source>
        <translation>Mit Telefon aufnehmen…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/phone_capture.py" line="200"/>
        <source>The phone pairing could not start.</source>
        <translation>Die Kopplung mit dem Telefon konnte nicht starten.</translation>
    </message>
</context>
<context>
    <name>PhonePairingDialog</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/phone_dialog.py" line="52"/>
        <source>Capture with phone</source>
        <translation>Mit Telefon aufnehmen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/phone_dialog.py" line="57"/>
        <source>Pairing code for the phone</source>
        <translation>Kopplungscode für das Telefon</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/phone_dialog.py" line="62"/>
        <source>Scan this code with the phone&apos;s camera. It works for one phone, for two minutes. Photos go straight into this record; nothing stays on the phone.</source>
        <translation>Scannen Sie diesen Code mit der Kamera des Telefons. Er gilt für ein Telefon und zwei Minuten. Die Fotos kommen direkt in diese Akte; auf dem Telefon bleibt nichts.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/phone_dialog.py" line="82"/>
        <source>Show the full name on the phone</source>
        <translation>Vollständigen Namen auf dem Telefon zeigen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/phone_dialog.py" line="83"/>
        <source>Otherwise the phone shows initials and year of birth</source>
        <translation>Sonst zeigt das Telefon Initialen und Geburtsjahr</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/phone_dialog.py" line="85"/>
        <location filename="../../pixiodoc_desktop/gui/views/phone_dialog.py" line="175"/>
        <source>Starting…</source>
        <translation>Starte…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/phone_dialog.py" line="91"/>
        <source>Photos received from the phone</source>
        <translation>Vom Telefon empfangene Fotos</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/phone_dialog.py" line="93"/>
        <location filename="../../pixiodoc_desktop/gui/views/phone_dialog.py" line="123"/>
        <source>End pairing</source>
        <translation>Kopplung beenden</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/phone_dialog.py" line="150"/>
        <source>Waiting for the phone… the code expires in {0} s</source>
        <translation>Warte auf das Telefon… der Code läuft in {0} s ab</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/phone_dialog.py" line="157"/>
        <source>Paired: {0}</source>
        <translation>Gekoppelt: {0}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/phone_dialog.py" line="164"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/phone_dialog.py" line="171"/>
        <source>Photos received: {0}</source>
        <translation>Empfangene Fotos: {0}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/phone_dialog.py" line="129"/>
        <source>Route: through the clinic&apos;s cloud storage ({0})</source>
        <translation>Weg: über den Cloud-Speicher der Praxis ({0})</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/phone_dialog.py" line="131"/>
        <source>Use the clinic network instead</source>
        <translation>Stattdessen das Praxisnetz verwenden</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/phone_dialog.py" line="133"/>
        <source>Route: clinic network, workstation {0}</source>
        <translation>Weg: Praxisnetz, Arbeitsplatz {0}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/phone_dialog.py" line="135"/>
        <source>Phone on guest Wi-Fi or mobile data? Send through the cloud storage</source>
        <translation>Telefon im Gäste-WLAN oder mobilen Netz? Über den Cloud-Speicher senden</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/phone_dialog.py" line="142"/>
        <source>A phone on guest Wi-Fi or mobile data can send through the clinic&apos;s cloud storage once sync is set up on this workstation.</source>
        <translation>Ein Telefon im Gäste-WLAN oder mobilen Netz kann über den Cloud-Speicher der Praxis senden, sobald die Synchronisation an diesem Arbeitsplatz eingerichtet ist.</translation>
    </message>
</context>
<context>
    <name>PhotoNotesDialog</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/dialogs.py" line="311"/>
        <source>Tags and notes</source>
        <translation>Schlagwörter und Notizen</translation>
    </message>
</context>
<context>
    <name>PhotoNotesForm</name>
    <message>
        <location filename="../../ui/photo_notes.ui" line="11"/>
        <location filename="../../ui/photo_notes.ui" line="12"/>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <location filename="../../ui/photo_notes.ui" line="12"/>
        <source>separate several with commas</source>
        <translation>mehrere durch Kommas trennen</translation>
    </message>
    <message>
        <location filename="../../ui/photo_notes.ui" line="13"/>
        <location filename="../../ui/photo_notes.ui" line="14"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/photo_viewer.py" line="119"/>
        <source>Photo viewer</source>
        <translation>Fotobetrachter</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/photo_viewer.py" line="169"/>
        <location filename="../../pixiodoc_desktop/gui/widgets/photo_viewer.py" line="182"/>
        <location filename="../../pixiodoc_desktop/gui/widgets/viewer_painting.py" line="118"/>
        <source>This photo could not be opened.</source>
        <translation>Dieses Foto konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/viewer_painting.py" line="116"/>
        <source>Loading photo…</source>
        <translation>Foto wird geladen…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/viewer_painting.py" line="122"/>
        <location filename="../../pixiodoc_desktop/gui/widgets/viewer_painting.py" line="166"/>
        <source>No photo selected</source>
        <translation>Kein Foto ausgewählt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/viewer_painting.py" line="132"/>
        <source>{index} / {count}</source>
        <translation>{index} / {count}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/viewer_painting.py" line="137"/>
        <source>{percent} %</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/viewer_painting.py" line="168"/>
        <source>Photo {index} of {count}, loading</source>
        <translation>Foto {index} von {count}, wird geladen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/viewer_painting.py" line="172"/>
        <source>Photo {index} of {count}, zoom {percent} %</source>
        <translation>Foto {index} von {count}, Zoom {percent} %</translation>
    </message>
</context>
<context>
    <name>PracticeActions</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/practice_actions.py" line="71"/>
        <source>Send visit to practice software</source>
        <translation>Besuch an die Praxissoftware senden</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/practice_actions.py" line="77"/>
        <source>Today&apos;s worklist…</source>
        <translation>Heutige Worklist…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/practice_actions.py" line="82"/>
        <source>Practice software (GDT)…</source>
        <translation>Praxissoftware (GDT)…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/practice_actions.py" line="87"/>
        <source>DICOM worklist…</source>
        <translation>DICOM-Worklist…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/practice_actions.py" line="176"/>
        <source>Settings saved.</source>
        <translation>Einstellungen gespeichert.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/practice_actions.py" line="211"/>
        <source>Sent the visit to the practice software ({file})</source>
        <translation>Besuch an die Praxissoftware gesendet ({file})</translation>
    </message>
</context>
<context>
    <name>PracticeInbox</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/practice_inbox.py" line="74"/>
        <location filename="../../pixiodoc_desktop/gui/practice_inbox.py" line="150"/>
        <source>The request from the practice software was refused: {reason}</source>
        <translation>Die Anfrage der Praxissoftware wurde abgelehnt: {reason}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/practice_inbox.py" line="106"/>
        <source>The practice software&apos;s exchange folder cannot be reached: {folder}</source>
        <translation>Der Austauschordner der Praxissoftware ist nicht erreichbar: {folder}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/practice_inbox.py" line="147"/>
        <source>The practice software opened a patient&apos;s record</source>
        <translation>Die Praxissoftware hat eine Patientenakte geöffnet</translation>
    </message>
</context>
<context>
    <name>ProcedureDialog</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/lesion_dialogs.py" line="31"/>
        <source>Biopsy or excision: %1</source>
        <translation>Biopsie oder Exzision: %1</translation>
    </message>
</context>
<context>
    <name>ProcedureForm</name>
    <message>
        <location filename="../../ui/procedure.ui" line="11"/>
        <location filename="../../ui/procedure.ui" line="12"/>
        <source>Procedure</source>
        <translation>Eingriff</translation>
    </message>
    <message>
        <location filename="../../ui/procedure.ui" line="13"/>
        <location filename="../../ui/procedure.ui" line="14"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../ui/procedure.ui" line="15"/>
        <location filename="../../ui/procedure.ui" line="16"/>
        <source>Histology</source>
        <translation>Histologie</translation>
    </message>
    <message>
        <location filename="../../ui/procedure.ui" line="16"/>
        <source>The pathologist&apos;s finding, when it is in</source>
        <translation>Der Befund der Pathologie, sobald er vorliegt</translation>
    </message>
</context>
<context>
    <name>QualityBar</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_quality.py" line="32"/>
        <source>Photo quality</source>
        <translation>Fotoqualität</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_quality.py" line="34"/>
        <location filename="../../pixiodoc_desktop/gui/views/capture_quality.py" line="35"/>
        <source>Retake</source>
        <translation>Neu aufnehmen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_quality.py" line="36"/>
        <location filename="../../pixiodoc_desktop/gui/views/capture_quality.py" line="37"/>
        <source>Discard last photo</source>
        <translation>Letztes Foto verwerfen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_quality.py" line="70"/>
        <source>This picture is already in the record.</source>
        <translation>Dieses Bild ist bereits in der Akte.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_quality.py" line="73"/>
        <source>The photo looks blurred.</source>
        <translation>Das Foto wirkt unscharf.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_quality.py" line="74"/>
        <source>Highlights are clipped (glare?).</source>
        <translation>Lichter sind überbelichtet (Reflexe?).</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_quality.py" line="75"/>
        <source>Shadows are clipped (too dark?).</source>
        <translation>Schatten sind abgeschnitten (zu dunkel?).</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_quality.py" line="78"/>
        <source>Saved, but: %1 Retake?</source>
        <translation>Gespeichert, aber: %1 Neu aufnehmen?</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_quality.py" line="80"/>
        <source>Saved. Sharp and well exposed.</source>
        <translation>Gespeichert. Scharf und gut belichtet.</translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/record_actions.py" line="76"/>
        <source>Export report (PDF)…</source>
        <translation>Bericht exportieren (PDF)…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/record_actions.py" line="81"/>
        <source>Export DICOM…</source>
        <translation>DICOM exportieren…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/record_actions.py" line="86"/>
        <source>Send to PACS</source>
        <translation>An PACS senden</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/record_actions.py" line="91"/>
        <source>Export patient data (GDPR)…</source>
        <translation>Patientendaten exportieren (DSGVO)…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/record_actions.py" line="97"/>
        <source>Erase patient…</source>
        <translation>Patient löschen…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/record_actions.py" line="102"/>
        <source>Retention hold…</source>
        <translation>Aufbewahrungssperre…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/record_actions.py" line="107"/>
        <source>Import patients from CSV…</source>
        <translation>Patienten aus CSV importieren…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/record_actions.py" line="112"/>
        <source>PACS…</source>
        <translation>PACS…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/record_actions.py" line="213"/>
        <source>Export DICOM into a folder</source>
        <translation>DICOM in einen Ordner exportieren</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/record_actions.py" line="219"/>
        <source>%1 DICOM files written.</source>
        <translation>%1 DICOM-Dateien geschrieben.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/record_actions.py" line="231"/>
        <source>%1 images sent to the PACS.</source>
        <translation>%1 Bilder an das PACS gesendet.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/record_actions.py" line="243"/>
        <source>Export patient data (GDPR)</source>
        <translation>Patientendaten exportieren (DSGVO)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/record_actions.py" line="244"/>
        <source>Archive (*.zip)</source>
        <translation>Archiv (*.zip)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/record_actions.py" line="250"/>
        <source>Patient data written: %1</source>
        <translation>Patientendaten geschrieben: %1</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/record_erasure.py" line="81"/>
        <source>The patient was erased (%1 photos destroyed).</source>
        <translation>Der Patient wurde gelöscht (%1 Fotos vernichtet).</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/record_erasure.py" line="85"/>
        <source>Secure links to the record revoked: %1. A colleague who opens one is told that it was revoked.</source>
        <translation>Sichere Links zur Akte widerrufen: %1. Wer einen davon öffnet, erfährt, dass er widerrufen wurde.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/record_erasure.py" line="91"/>
        <source>Secure links to the record: %1 are revoked at the next sync round (the clinic&apos;s bucket could not be reached).</source>
        <translation>Sichere Links zur Akte: %1 werden bei der nächsten Synchronisation widerrufen (der Speicher der Praxis war nicht erreichbar).</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/record_erasure.py" line="100"/>
        <source>Copies left the vault earlier and are not reached by erasure; ask their recipients to delete them:
%1</source>
        <translation>Früher exportierte Kopien erreicht die Löschung nicht; bitten Sie die Empfänger, sie zu löschen:
%1</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/record_erasure.py" line="130"/>
        <source>Retention hold set.</source>
        <translation>Aufbewahrungssperre gesetzt.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/record_erasure.py" line="132"/>
        <source>Retention hold released.</source>
        <translation>Aufbewahrungssperre aufgehoben.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/record_actions.py" line="260"/>
        <source>Import patients from CSV</source>
        <translation>Patienten aus CSV importieren</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/record_actions.py" line="261"/>
        <source>CSV (*.csv *.txt)</source>
        <translation>CSV (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/record_actions.py" line="269"/>
        <source>The file could not be read.</source>
        <translation>Die Datei konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/record_actions.py" line="328"/>
        <source>PACS saved.</source>
        <translation>PACS gespeichert.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/record_actions.py" line="341"/>
        <source>The PACS answered.</source>
        <translation>Das PACS hat geantwortet.</translation>
    </message>
</context>
<context>
    <name>RecordBanner</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/emergency_dialog.py" line="95"/>
        <source>Record notice</source>
        <translation>Hinweis zur Akte</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/emergency_dialog.py" line="96"/>
        <source>End emergency access</source>
        <translation>Notfallzugriff beenden</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/emergency_dialog.py" line="111"/>
        <source>Emergency access — View Only until %1. Reason: %2</source>
        <translation>Notfallzugriff — nur Ansicht bis %1. Anlass: %2</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/emergency_dialog.py" line="117"/>
        <source>View Only — from %1</source>
        <translation>Nur Ansicht — von %1</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/dialogs.py" line="340"/>
        <source>Use the recovery key</source>
        <translation>Wiederherstellungsschlüssel verwenden</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/dialogs.py" line="366"/>
        <source>Enter the recovery key from the printed sheet.</source>
        <translation>Geben Sie den Wiederherstellungsschlüssel vom ausgedruckten Blatt ein.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/dialogs.py" line="369"/>
        <source>Choose a stronger password.</source>
        <translation>Wählen Sie ein stärkeres Passwort.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/dialogs.py" line="372"/>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>RecoveryForm</name>
    <message>
        <location filename="../../ui/recovery.ui" line="11"/>
        <location filename="../../ui/recovery.ui" line="12"/>
        <source>Recovery key</source>
        <translation>Wiederherstellungsschlüssel</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.ui" line="12"/>
        <source>XXXX-XXXX-…</source>
        <translation>XXXX-XXXX-…</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.ui" line="13"/>
        <location filename="../../ui/recovery.ui" line="14"/>
        <source>Clinician</source>
        <translation>Behandelnde Person</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.ui" line="15"/>
        <location filename="../../ui/recovery.ui" line="16"/>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.ui" line="19"/>
        <location filename="../../ui/recovery.ui" line="20"/>
        <source>Repeat password</source>
        <translation>Passwort wiederholen</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPage</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/recovery_key.py" line="40"/>
        <source>Your recovery key</source>
        <translation>Ihr Wiederherstellungsschlüssel</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/recovery_key.py" line="44"/>
        <source>If every password is forgotten, this key is the only way into the vault. Print it or save it as a PDF and keep it locked away. It is shown only now.</source>
        <translation>Wenn alle Passwörter vergessen sind, ist dieser Schlüssel der einzige Weg in den Tresor. Drucken Sie ihn aus oder speichern Sie ihn als PDF und bewahren Sie ihn verschlossen auf. Er wird nur jetzt angezeigt.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/recovery_key.py" line="55"/>
        <source>Recovery key</source>
        <translation>Wiederherstellungsschlüssel</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/recovery_key.py" line="57"/>
        <source>Print…</source>
        <translation>Drucken…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/recovery_key.py" line="58"/>
        <source>Save as PDF…</source>
        <translation>Als PDF speichern…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/recovery_key.py" line="62"/>
        <source>I have printed or saved the recovery key</source>
        <translation>Ich habe den Wiederherstellungsschlüssel ausgedruckt oder gespeichert</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/recovery_key.py" line="63"/>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/recovery_key.py" line="90"/>
        <source>Keep this sheet locked away, apart from the computer.</source>
        <translation>Bewahren Sie dieses Blatt verschlossen und getrennt vom Computer auf.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/recovery_key.py" line="91"/>
        <source>Anyone holding this key and the vault folder can read every record.</source>
        <translation>Wer diesen Schlüssel und den Tresorordner besitzt, kann alle Daten lesen.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/recovery_key.py" line="92"/>
        <source>To use it: on the unlock screen choose “Use the recovery key”.</source>
        <translation>Verwendung: Wählen Sie in der Anmeldung „Wiederherstellungsschlüssel verwenden“.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/recovery_key.py" line="101"/>
        <location filename="../../pixiodoc_desktop/gui/views/recovery_key.py" line="111"/>
        <source>PixioDoc recovery key</source>
        <translation>PixioDoc-Wiederherstellungsschlüssel</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/recovery_key.py" line="116"/>
        <source>Save the recovery key</source>
        <translation>Wiederherstellungsschlüssel speichern</translation>
    </message>
</context>
<context>
    <name>RejoinDialog</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/rejoin_dialog.py" line="32"/>
        <source>Re-join the clinic</source>
        <translation>Wieder mit der Praxis verbinden</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/rejoin_dialog.py" line="36"/>
        <source>The practice&apos;s keys were renewed on another workstation. A practice Admin creates an enrollment code on that workstation (Practice › Enrollment code for another PC…, or pixiodoc sync enroll-code); enter it here with your own password.</source>
        <translation>Die Schlüssel der Praxis wurden an einem anderen Arbeitsplatz erneuert. Ein Praxis-Admin erstellt an jenem Arbeitsplatz einen Einrichtungscode (Praxis › Einrichtungscode für einen weiteren PC…, oder pixiodoc sync enroll-code); geben Sie ihn hier mit Ihrem eigenen Passwort ein.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/rejoin_dialog.py" line="44"/>
        <location filename="../../pixiodoc_desktop/gui/views/rejoin_dialog.py" line="49"/>
        <source>Enrollment code</source>
        <translation>Einrichtungscode</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/rejoin_dialog.py" line="47"/>
        <location filename="../../pixiodoc_desktop/gui/views/rejoin_dialog.py" line="50"/>
        <source>Your password</source>
        <translation>Ihr Passwort</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/rejoin_dialog.py" line="54"/>
        <source>Re-join</source>
        <translation>Neu verbinden</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/rejoin_dialog.py" line="76"/>
        <source>Re-joining the clinic…</source>
        <translation>Verbindung mit der Praxis wird erneuert…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/rejoin_dialog.py" line="86"/>
        <source>This workstation re-joined the clinic with the renewed keys and syncs again. You keep your password.</source>
        <translation>Dieser Arbeitsplatz ist mit den erneuerten Schlüsseln wieder mit der Praxis verbunden und synchronisiert wieder. Ihr Passwort bleibt gleich.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/rejoin_dialog.py" line="91"/>
        <source>The first sync did not finish (%1); the next sync finishes it.</source>
        <translation>Die erste Synchronisation wurde nicht abgeschlossen (%1); die nächste Synchronisation schließt sie ab.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/rejoin_dialog.py" line="95"/>
        <source>These clinicians of this workstation need a new password from an Admin (Practice &gt; Clinicians… &gt; Reset password…) before they can log in again: %1</source>
        <translation>Diese Benutzer dieses Arbeitsplatzes brauchen ein neues Passwort von einem Admin (Praxis &gt; Benutzer… &gt; Passwort zurücksetzen…), bevor sie sich wieder anmelden können: %1</translation>
    </message>
</context>
<context>
    <name>Rejoining</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/rejoin.py" line="36"/>
        <source>Re-join the clinic…</source>
        <translation>Wieder mit der Praxis verbinden…</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/report_dialog.py" line="69"/>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/report_dialog.py" line="93"/>
        <source>Report for %1</source>
        <translation>Bericht für %1</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/report_dialog.py" line="105"/>
        <source>Saved comparisons</source>
        <translation>Gespeicherte Vergleiche</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/report_dialog.py" line="110"/>
        <source>Visits and photos</source>
        <translation>Besuche und Fotos</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/report_dialog.py" line="115"/>
        <source>Saved comparisons (before and after side by side)</source>
        <translation>Gespeicherte Vergleiche (vorher und nachher nebeneinander)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/report_dialog.py" line="122"/>
        <source>Write report…</source>
        <translation>Bericht schreiben…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/report_dialog.py" line="126"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/report_dialog.py" line="182"/>
        <source>No saved comparisons yet.</source>
        <translation>Noch keine gespeicherten Vergleiche.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/report_dialog.py" line="201"/>
        <source>Tick at least one visit, photo or comparison.</source>
        <translation>Haken Sie mindestens einen Besuch, ein Foto oder einen Vergleich an.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/report_dialog.py" line="207"/>
        <source>Write report</source>
        <translation>Bericht schreiben</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/report_dialog.py" line="207"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/report_dialog.py" line="241"/>
        <source>Writing the report…</source>
        <translation>Bericht wird geschrieben…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/report_dialog.py" line="247"/>
        <location filename="../../pixiodoc_desktop/gui/views/report_dialog.py" line="248"/>
        <source>Report written: %1</source>
        <translation>Bericht geschrieben: %1</translation>
    </message>
</context>
<context>
    <name>RetentionHoldDialog</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/record_dialogs.py" line="73"/>
        <source>Retention hold</source>
        <translation>Aufbewahrungssperre</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/record_dialogs.py" line="76"/>
        <source>While a hold is set, the record cannot be erased. Leave the reason empty to release the hold.</source>
        <translation>Solange eine Sperre gesetzt ist, kann die Akte nicht gelöscht werden. Lassen Sie den Grund leer, um die Sperre aufzuheben.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/record_dialogs.py" line="82"/>
        <source>e.g. statutory retention until 2035</source>
        <translation>z. B. gesetzliche Aufbewahrung bis 2035</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/record_dialogs.py" line="83"/>
        <source>Reason for the retention hold</source>
        <translation>Grund der Aufbewahrungssperre</translation>
    </message>
</context>
<context>
    <name>SecureLinkPage</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="143"/>
        <source>Secure links need the clinic&apos;s sync, which is not set up on this workstation. Use the Outside colleague tab to send a case bundle instead.</source>
        <translation>Sichere Links brauchen die Synchronisation der Praxis, die an diesem Arbeitsplatz nicht eingerichtet ist. Senden Sie stattdessen ein Fallpaket über den Reiter „Externe Kollegin / externer Kollege“.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="149"/>
        <source>Use the Outside colleague tab</source>
        <translation>Zum Reiter „Externe Kollegin / externer Kollege“</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="73"/>
        <source>A secure link to the visits ticked below: the colleague needs only a browser. It is encrypted; the key is in the link itself. Needs the patient&apos;s consent to sharing and the clinic&apos;s sync.</source>
        <translation>Ein sicherer Link zu den unten angehakten Besuchen: Die Kollegin oder der Kollege braucht nur einen Browser. Er ist verschlüsselt; der Schlüssel steckt im Link selbst. Braucht die Einwilligung des Patienten zur Weitergabe und die Synchronisation der Praxis.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="85"/>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="301"/>
        <source>View</source>
        <translation>Ansehen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="86"/>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="301"/>
        <source>View and reply</source>
        <translation>Ansehen und antworten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="90"/>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="91"/>
        <source>12 hours</source>
        <translation>12 Stunden</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="92"/>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="93"/>
        <source>3 days</source>
        <translation>3 Tage</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="94"/>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="102"/>
        <source>optional, at least %1 characters; tell it by phone</source>
        <translation>optional, mindestens %1 Zeichen; am Telefon mitteilen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="106"/>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="117"/>
        <source>Passcode</source>
        <translation>Zugangscode</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="116"/>
        <source>Level</source>
        <translation>Zugriff</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="111"/>
        <source>Valid for</source>
        <translation>Gültig für</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="118"/>
        <source>Create link</source>
        <translation>Link erstellen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="124"/>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="173"/>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="125"/>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="132"/>
        <source>QR code</source>
        <translation>QR-Code</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="173"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="173"/>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="173"/>
        <source>Shared by</source>
        <translation>Geteilt von</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="180"/>
        <source>Revoke link</source>
        <translation>Link widerrufen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="189"/>
        <source>Links to this record</source>
        <translation>Links zu dieser Akte</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="220"/>
        <source>Tick at least one visit.</source>
        <translation>Haken Sie mindestens einen Besuch an.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="225"/>
        <source>Use a passcode of at least %1 characters.</source>
        <translation>Verwenden Sie einen Zugangscode mit mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="234"/>
        <source>Encrypting and uploading…</source>
        <translation>Wird verschlüsselt und hochgeladen…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="252"/>
        <source>Link made: %1 photos, valid until %2. Send it to the colleague.</source>
        <translation>Link erstellt: %1 Fotos, gültig bis %2. Senden Sie ihn der Kollegin oder dem Kollegen.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="263"/>
        <source>The link is on the clipboard.</source>
        <translation>Der Link ist in der Zwischenablage.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="269"/>
        <source>Secure link as a QR code</source>
        <translation>Sicherer Link als QR-Code</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="295"/>
        <source>live</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="296"/>
        <source>revoked</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="297"/>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="327"/>
        <source>Choose a live link to revoke.</source>
        <translation>Wählen Sie einen aktiven Link zum Widerrufen.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_link_page.py" line="335"/>
        <source>Link revoked: it no longer opens.</source>
        <translation>Link widerrufen: Er lässt sich nicht mehr öffnen.</translation>
    </message>
</context>
<context>
    <name>SeriesProtocol</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/series_protocol.py" line="24"/>
        <source>The series protocol was saved.</source>
        <translation>Das Serienprotokoll wurde gespeichert.</translation>
    </message>
</context>
<context>
    <name>SeriesProtocolEditor</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/series_protocol_editor.py" line="50"/>
        <source>The poses of a total-body series, in the order they are taken. The capture screen offers them and checks what is missing; every workstation of the clinic uses the same protocol.</source>
        <translation>Die Posen einer Ganzkörperserie, in der Reihenfolge der Aufnahme. Die Aufnahme bietet sie an und prüft, was fehlt; jeder Arbeitsplatz der Praxis verwendet dasselbe Protokoll.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/series_protocol_editor.py" line="58"/>
        <source>Poses of the series</source>
        <translation>Posen der Serie</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/series_protocol_editor.py" line="69"/>
        <location filename="../../pixiodoc_desktop/gui/views/series_protocol_editor.py" line="70"/>
        <source>Name of a new pose</source>
        <translation>Name einer neuen Pose</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/series_protocol_editor.py" line="71"/>
        <source>Add pose</source>
        <translation>Pose hinzufügen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/series_protocol_editor.py" line="72"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/series_protocol_editor.py" line="73"/>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/series_protocol_editor.py" line="74"/>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/series_protocol_editor.py" line="75"/>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/series_protocol_editor.py" line="78"/>
        <source>Standard protocol</source>
        <translation>Standardprotokoll</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/series_protocol_editor.py" line="79"/>
        <source>8 standard poses</source>
        <translation>8 Standardposen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/series_protocol_editor.py" line="80"/>
        <source>16 standard poses</source>
        <translation>16 Standardposen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/series_protocol_editor.py" line="81"/>
        <source>Reset to standard</source>
        <translation>Auf Standard zurücksetzen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pixiodoc_desktop/gui/views/series_protocol_editor.py" line="150"/>
        <source>%n pose(s)</source>
        <translation>
            <numerusform>%n Pose</numerusform>
            <numerusform>%n Posen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/settings.py" line="58"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/settings.py" line="96"/>
        <source>A new vault folder and language take effect at the next start.</source>
        <translation>Ein neuer Tresorordner und die Sprache gelten ab dem nächsten Start.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/settings.py" line="100"/>
        <source>The demo clinic&apos;s own texts (reasons, findings, treatments, notes) follow the language then; what you typed into the demo stays as typed.</source>
        <translation>Die eigenen Texte der Demo-Praxis (Anlässe, Befunde, Therapien, Notizen) folgen dann der Sprache; was Sie selbst in die Demo eingegeben haben, bleibt, wie es ist.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/settings.py" line="106"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/settings.py" line="107"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/settings.py" line="126"/>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/settings.py" line="127"/>
        <source>Total-body series</source>
        <translation>Ganzkörperserie</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/settings.py" line="147"/>
        <source>Choose the vault folder</source>
        <translation>Tresorordner auswählen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/settings.py" line="217"/>
        <source>The settings file could not be written.</source>
        <translation>Die Einstellungsdatei konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/settings.py" line="77"/>
        <source>Made by this workstation</source>
        <translation>Vom Arbeitsplatz erzeugt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/settings.py" line="79"/>
        <source>The clinic&apos;s own (certificate and key files)</source>
        <translation>Das eigene der Praxis (Zertifikats- und Schlüsseldatei)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/settings.py" line="83"/>
        <source>Choose the certificate file</source>
        <translation>Zertifikatsdatei wählen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/settings.py" line="86"/>
        <source>Choose the key file</source>
        <translation>Schlüsseldatei wählen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/settings.py" line="172"/>
        <source>Certificates and keys (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>Zertifikate und Schlüssel (*.pem *.crt *.cer *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/settings.py" line="182"/>
        <source>Choose both files for the clinic&apos;s certificate: the certificate and its key.</source>
        <translation>Wählen Sie beide Dateien für das Zertifikat der Praxis: das Zertifikat und seinen Schlüssel.</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../ui/settings.ui" line="11"/>
        <location filename="../../ui/settings.ui" line="14"/>
        <source>Vault folder</source>
        <translation>Tresorordner</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="15"/>
        <location filename="../../ui/settings.ui" line="33"/>
        <location filename="../../ui/settings.ui" line="40"/>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="15"/>
        <source>Choose the vault folder</source>
        <translation>Tresorordner auswählen</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="18"/>
        <location filename="../../ui/settings.ui" line="19"/>
        <source>Lock after idle (minutes)</source>
        <translation>Sperren nach Inaktivität (Minuten)</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="20"/>
        <location filename="../../ui/settings.ui" line="21"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="22"/>
        <location filename="../../ui/settings.ui" line="23"/>
        <source>Theme</source>
        <translation>Erscheinungsbild</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="24"/>
        <source>Capture with a phone</source>
        <translation>Aufnahme mit dem Telefon</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="25"/>
        <location filename="../../ui/settings.ui" line="26"/>
        <source>Port for phones</source>
        <translation>Port für Telefone</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="26"/>
        <source>The one port IT opens in the firewall for phones on the clinic network</source>
        <translation>Der eine Port, den die IT in der Firewall für Telefone im Praxisnetz öffnet</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="27"/>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="28"/>
        <source>Certificate for phones</source>
        <translation>Zertifikat für Telefone</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="29"/>
        <location filename="../../ui/settings.ui" line="32"/>
        <source>Certificate file</source>
        <translation>Zertifikatsdatei</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="32"/>
        <source>PEM file, e.g. workstation.crt</source>
        <translation>PEM-Datei, z. B. arbeitsplatz.crt</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="36"/>
        <location filename="../../ui/settings.ui" line="39"/>
        <source>Key file</source>
        <translation>Schlüsseldatei</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="39"/>
        <source>PEM file without a password, e.g. workstation.key</source>
        <translation>PEM-Datei ohne Passwort, z. B. arbeitsplatz.key</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="43"/>
        <source>Otherwise the phone shows initials and year of birth; each pairing can still change it</source>
        <translation>Sonst zeigt das Telefon Initialen und Geburtsjahr; jede Kopplung kann es noch ändern</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="33"/>
        <source>Choose the certificate file</source>
        <translation>Zertifikatsdatei wählen</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="40"/>
        <source>Choose the key file</source>
        <translation>Schlüsseldatei wählen</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="43"/>
        <source>Show the full name on the phone</source>
        <translation>Vollständigen Namen auf dem Telefon zeigen</translation>
    </message>
</context>
<context>
    <name>ShareActions</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/share_actions.py" line="38"/>
        <source>Share…</source>
        <translation>Freigeben…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/share_actions.py" line="41"/>
        <source>Licence…</source>
        <translation>Lizenz…</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_dialog.py" line="74"/>
        <source>Share the record of %1</source>
        <translation>Akte von %1 freigeben</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_dialog.py" line="79"/>
        <source>In this practice</source>
        <translation>In dieser Praxis</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_dialog.py" line="82"/>
        <source>Outside colleague</source>
        <translation>Externe Kollegin / externer Kollege</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_dialog.py" line="84"/>
        <source>Secure link</source>
        <translation>Sicherer Link</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_dialog.py" line="106"/>
        <source>Colleagues of this practice who may open this record. View Only sees it, Editor adds visits and photos, Admin also shares, exports and erases.</source>
        <translation>Wer in dieser Praxis diese Akte öffnen darf. „Nur ansehen“ sieht sie, „Bearbeiten“ ergänzt Besuche und Fotos, „Admin“ gibt außerdem frei, exportiert und löscht.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_dialog.py" line="113"/>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_dialog.py" line="113"/>
        <location filename="../../pixiodoc_desktop/gui/views/share_dialog.py" line="127"/>
        <source>Access</source>
        <translation>Zugriff</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_dialog.py" line="124"/>
        <source>Colleague</source>
        <translation>Kollegin/Kollege</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_dialog.py" line="130"/>
        <source>Grant</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_dialog.py" line="133"/>
        <source>Revoke selected</source>
        <translation>Ausgewählte Freigabe entziehen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_dialog.py" line="150"/>
        <source>Give access to</source>
        <translation>Zugriff geben für</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_dialog.py" line="202"/>
        <location filename="../../pixiodoc_desktop/gui/views/share_dialog.py" line="210"/>
        <source>Whole practice</source>
        <translation>Ganze Praxis</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_dialog.py" line="225"/>
        <source>%1 now has %2 access.</source>
        <translation>%1 hat jetzt Zugriff: %2.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_dialog.py" line="241"/>
        <source>Choose a line in the list first.</source>
        <translation>Wählen Sie zuerst eine Zeile der Liste.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/share_dialog.py" line="251"/>
        <source>Access of %1 revoked.</source>
        <translation>Zugriff von %1 entzogen.</translation>
    </message>
</context>
<context>
    <name>SideWindows</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/side_windows.py" line="99"/>
        <source>{name}&apos;s comparison closed; its marks were saved</source>
        <translation>Vergleich von {name} geschlossen; die Markierungen wurden gespeichert</translation>
    </message>
</context>
<context>
    <name>SiteField</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/site_on_map.py" line="60"/>
        <source>Body map…</source>
        <translation>Körperkarte…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/site_on_map.py" line="62"/>
        <source>Choose the body site by clicking the body map</source>
        <translation>Die Körperstelle durch Klicken auf die Körperkarte wählen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/site_on_map.py" line="63"/>
        <source>Choose the body site on the body map</source>
        <translation>Die Körperstelle auf der Körperkarte wählen</translation>
    </message>
</context>
<context>
    <name>SiteOnMapDialog</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/site_on_map.py" line="36"/>
        <source>Choose the body site</source>
        <translation>Körperstelle wählen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/site_on_map.py" line="41"/>
        <source>Click where the photo was taken.</source>
        <translation>Klicken Sie dorthin, wo das Foto aufgenommen wurde.</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/strength_meter.py" line="17"/>
        <location filename="../../pixiodoc_desktop/gui/widgets/strength_meter.py" line="18"/>
        <source>Fair</source>
        <translation>Ausreichend</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/strength_meter.py" line="19"/>
        <source>Good</source>
        <translation>Gut</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/strength_meter.py" line="20"/>
        <source>Strong</source>
        <translation>Stark</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/strength_meter.py" line="21"/>
        <source>Very strong</source>
        <translation>Sehr stark</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/strength_meter.py" line="24"/>
        <source>Too short: use at least 10 characters.</source>
        <translation>Zu kurz: Verwenden Sie mindestens 10 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/strength_meter.py" line="26"/>
        <source>Too common: this password is tried first by attackers.</source>
        <translation>Zu verbreitet: Dieses Passwort probieren Angreifer zuerst.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/strength_meter.py" line="30"/>
        <source>Too easy: a keyboard pattern, sequence or repeated character.</source>
        <translation>Zu einfach: ein Tastaturmuster, eine Folge oder ein wiederholtes Zeichen.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/strength_meter.py" line="34"/>
        <source>Too personal: it is mostly your name, login or the clinic&apos;s name.</source>
        <translation>Zu persönlich: Es besteht überwiegend aus Ihrem Namen, Anmeldenamen oder dem Praxisnamen.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/strength_meter.py" line="37"/>
        <source>Mix three of: lower case, upper case, digits, symbols — or use 16+ characters.</source>
        <translation>Kombinieren Sie drei von: Klein-, Großbuchstaben, Ziffern, Sonderzeichen — oder verwenden Sie 16+ Zeichen.</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/sync_dialog.py" line="63"/>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/sync_dialog.py" line="67"/>
        <source>empty for AWS S3; e.g. https://s3.clinic.lan</source>
        <translation>leer für AWS S3; z. B. https://s3.praxis.lan</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/sync_dialog.py" line="75"/>
        <source>stored in this PC&apos;s credential store</source>
        <translation>im Anmeldedatenspeicher dieses PCs hinterlegt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/sync_dialog.py" line="77"/>
        <source>Download at once</source>
        <translation>Sofort herunterladen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/sync_dialog.py" line="78"/>
        <source>Download when opened</source>
        <translation>Beim Öffnen herunterladen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/sync_dialog.py" line="82"/>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/sync_dialog.py" line="86"/>
        <source>Endpoint URL</source>
        <translation>Endpunkt-URL</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/sync_dialog.py" line="87"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/sync_dialog.py" line="88"/>
        <source>Bucket</source>
        <translation>Bucket</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/sync_dialog.py" line="89"/>
        <source>Prefix</source>
        <translation>Präfix</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/sync_dialog.py" line="90"/>
        <source>Access key</source>
        <translation>Zugangsschlüssel</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/sync_dialog.py" line="91"/>
        <source>Secret</source>
        <translation>Geheimer Schlüssel</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/sync_dialog.py" line="92"/>
        <source>Full images</source>
        <translation>Vollbilder</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/sync_dialog.py" line="93"/>
        <source>Sync every</source>
        <translation>Synchronisieren alle</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/sync_dialog.py" line="100"/>
        <source>Region warning</source>
        <translation>Warnung zur Region</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/sync_dialog.py" line="103"/>
        <source>Connection test result</source>
        <translation>Ergebnis des Verbindungstests</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/sync_dialog.py" line="105"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/sync_dialog.py" line="140"/>
        <source>The region %1 is not in the EU. Patient data (encrypted) would be stored outside the EU; check that this is allowed for your clinic.</source>
        <translation>Die Region %1 liegt nicht in der EU. Patientendaten (verschlüsselt) würden außerhalb der EU gespeichert; prüfen Sie, ob das für Ihre Praxis zulässig ist.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/sync_dialog.py" line="153"/>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
</context>
<context>
    <name>SyncScheduler</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/sync_scheduler.py" line="60"/>
        <source>Receiving the clinic&apos;s records…</source>
        <translation>Praxisdaten werden empfangen…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/sync_scheduler.py" line="62"/>
        <source>Receiving the clinic&apos;s records: %1 %</source>
        <translation>Praxisdaten werden empfangen: %1 %</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/sync_scheduler.py" line="69"/>
        <location filename="../../pixiodoc_desktop/gui/sync_scheduler.py" line="155"/>
        <location filename="../../pixiodoc_desktop/gui/sync_scheduler.py" line="247"/>
        <location filename="../../pixiodoc_desktop/gui/sync_scheduler.py" line="254"/>
        <source>Sync: not set up</source>
        <translation>Synchronisation: nicht eingerichtet</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/sync_scheduler.py" line="71"/>
        <location filename="../../pixiodoc_desktop/gui/sync_scheduler.py" line="331"/>
        <source>Sync failed: %1</source>
        <translation>Synchronisation fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/sync_scheduler.py" line="77"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/sync_scheduler.py" line="84"/>
        <source>Sync: last %1, %2 changes waiting</source>
        <translation>Synchronisation: zuletzt %1, %2 Änderungen ausstehend</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/sync_scheduler.py" line="140"/>
        <source>Sync settings…</source>
        <translation>Synchronisation einrichten…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/sync_scheduler.py" line="145"/>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/sync_scheduler.py" line="158"/>
        <source>Sync status</source>
        <translation>Synchronisationsstatus</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/sync_scheduler.py" line="164"/>
        <source>Open note conflicts</source>
        <translation>Offene Notizkonflikte</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/sync_scheduler.py" line="170"/>
        <source>Sync progress</source>
        <translation>Synchronisationsfortschritt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/sync_scheduler.py" line="268"/>
        <source>Sync: running…</source>
        <translation>Synchronisation läuft…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/sync_scheduler.py" line="312"/>
        <source>Sync finished.</source>
        <translation>Synchronisation abgeschlossen.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/sync_scheduler.py" line="349"/>
        <source>Uploading %v of %m</source>
        <translation>Hochladen %v von %m</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/sync_scheduler.py" line="351"/>
        <source>Downloading %v of %m</source>
        <translation>Herunterladen %v von %m</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/sync_scheduler.py" line="370"/>
        <source>%1 note conflicts</source>
        <translation>%1 Notizkonflikte</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/sync_settings.py" line="138"/>
        <source>Sync settings saved.</source>
        <translation>Synchronisationseinstellungen gespeichert.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/sync_settings.py" line="172"/>
        <source>Connection OK: the bucket can be listed, written and cleaned up.</source>
        <translation>Verbindung in Ordnung: Der Bucket lässt sich auflisten, beschreiben und aufräumen.</translation>
    </message>
</context>
<context>
    <name>TakePhotoRow</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_take_row.py" line="37"/>
        <location filename="../../pixiodoc_desktop/gui/views/capture_take_row.py" line="39"/>
        <source>Take photo</source>
        <translation>Foto aufnehmen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_take_row.py" line="40"/>
        <location filename="../../pixiodoc_desktop/gui/views/capture_take_row.py" line="80"/>
        <source>Space or the foot pedal</source>
        <translation>Leertaste oder Fußschalter</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_take_row.py" line="44"/>
        <location filename="../../pixiodoc_desktop/gui/views/capture_take_row.py" line="45"/>
        <source>Burst of 3, keep the sharpest</source>
        <translation>Serie von 3, das schärfste behalten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_take_row.py" line="55"/>
        <source>Camera and profile</source>
        <translation>Kamera und Profil</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_take_row.py" line="73"/>
        <source>This record is View Only: it takes no new photos.</source>
        <translation>Diese Akte ist nur zum Ansehen freigegeben: Es können keine Fotos hinzugefügt werden.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_take_row.py" line="75"/>
        <source>No camera is running: choose one (or Video file…) under Camera.</source>
        <translation>Keine Kamera aktiv: unter „Kamera“ wählen (oder „Videodatei…“).</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_take_row.py" line="89"/>
        <source>%1 fps</source>
        <translation>%1 Bilder/s</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_take_row.py" line="91"/>
        <source>polarised</source>
        <translation>polarisiert</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_take_row.py" line="91"/>
        <source>non-polarised</source>
        <translation>nicht polarisiert</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_take_row.py" line="93"/>
        <source>contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_take_row.py" line="93"/>
        <source>non-contact</source>
        <translation>kontaktlos</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_take_row.py" line="97"/>
        <source>%1 px/mm</source>
        <translation>%1 px/mm</translation>
    </message>
</context>
<context>
    <name>ThumbnailLoader</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/thumbnails.py" line="455"/>
        <source>The thumbnail could not be loaded.</source>
        <translation>Das Vorschaubild konnte nicht geladen werden.</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/timeline.py" line="346"/>
        <source>Photos still arriving from the clinic…</source>
        <translation>Fotos kommen noch aus der Praxis…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/timeline.py" line="350"/>
        <source>This patient&apos;s photos are still arriving from the clinic.
They appear here as soon as they are in.</source>
        <translation>Die Fotos dieses Patienten kommen noch aus der Praxis.
Sie erscheinen hier, sobald sie da sind.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/timeline.py" line="37"/>
        <source>a colleague</source>
        <translation>einer Kollegin / einem Kollegen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/timeline.py" line="39"/>
        <source>Second opinion from %1, %2</source>
        <translation>Zweitmeinung von %1, %2</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/timeline.py" line="44"/>
        <source>suggested: %1</source>
        <translation>vorgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/timeline.py" line="50"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/timeline.py" line="63"/>
        <source>Total-body series · %1 of %2 poses</source>
        <translation>Ganzkörperserie · %1 von %2 Posen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/timeline.py" line="147"/>
        <source>Edit patient</source>
        <translation>Patient bearbeiten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/timeline.py" line="148"/>
        <source>New visit</source>
        <translation>Neuer Besuch</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/timeline.py" line="150"/>
        <source>Track lesion</source>
        <translation>Läsion verfolgen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/timeline.py" line="152"/>
        <source>Consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/timeline.py" line="154"/>
        <source>Import photos</source>
        <translation>Fotos importieren</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/timeline.py" line="175"/>
        <source>Body site</source>
        <translation>Körperstelle</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/timeline.py" line="176"/>
        <source>Lesion</source>
        <translation>Läsion</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/timeline.py" line="177"/>
        <source>Condition</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/timeline.py" line="178"/>
        <source>Modality</source>
        <translation>Modalität</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/timeline.py" line="180"/>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/timeline.py" line="274"/>
        <source>No patient open</source>
        <translation>Kein Patient geöffnet</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/timeline.py" line="275"/>
        <source>Choose a patient on the left, or create a new one.</source>
        <translation>Wählen Sie links einen Patienten aus oder legen Sie einen neuen an.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/timeline.py" line="276"/>
        <source>No patient open.</source>
        <translation>Kein Patient geöffnet.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pixiodoc_desktop/gui/views/timeline.py" line="281"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n Foto</numerusform>
            <numerusform>%n Fotos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/timeline.py" line="282"/>
        <source>Access: %1</source>
        <translation>Zugriff: %1</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/timeline.py" line="323"/>
        <source>All body sites</source>
        <translation>Alle Körperstellen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/timeline.py" line="324"/>
        <source>All lesions</source>
        <translation>Alle Läsionen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/timeline.py" line="326"/>
        <source>All conditions</source>
        <translation>Alle Diagnosen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/timeline.py" line="330"/>
        <source>All modalities</source>
        <translation>Alle Modalitäten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/timeline.py" line="343"/>
        <source>Body site not recorded</source>
        <translation>Körperstelle nicht angegeben</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/timeline.py" line="354"/>
        <source>No photos yet.
Drag images here, or press Ctrl+I to import.</source>
        <translation>Noch keine Fotos.
Ziehen Sie Bilder hierher oder drücken Sie Strg+I zum Importieren.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/timeline.py" line="356"/>
        <source>No photos match these filters.</source>
        <translation>Keine Fotos entsprechen diesen Filtern.</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/timeline_view.py" line="100"/>
        <source>Timeline</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/timeline_layout.py" line="105"/>
        <source>No photos in this visit</source>
        <translation>Keine Fotos bei diesem Besuch</translation>
    </message>
</context>
<context>
    <name>TriggerKeys</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_trigger.py" line="32"/>
        <source>Trigger</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_trigger.py" line="38"/>
        <source>Foot pedal key</source>
        <translation>Taste des Fußschalters</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_trigger.py" line="40"/>
        <source>Space always takes a photo; so does F13.</source>
        <translation>Die Leertaste nimmt immer ein Foto auf, ebenso F13.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/capture_trigger.py" line="43"/>
        <source>&amp;Pedal key</source>
        <translation>&amp;Pedaltaste</translation>
    </message>
</context>
<context>
    <name>UnlockForm</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/unlock.py" line="115"/>
        <source>PixioDoc is locked</source>
        <translation>PixioDoc ist gesperrt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/unlock.py" line="60"/>
        <source>Clinician</source>
        <translation>Behandelnde Person</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/unlock.py" line="61"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/unlock.py" line="82"/>
        <source>Forgot your password? Use the recovery key</source>
        <translation>Passwort vergessen? Wiederherstellungsschlüssel verwenden</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/unlock.py" line="78"/>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/unlock.py" line="87"/>
        <source>Open another vault…</source>
        <translation>Anderen Tresor öffnen…</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/unlock.py" line="143"/>
        <location filename="../../pixiodoc_desktop/gui/views/unlock.py" line="154"/>
        <source>Vault: %1</source>
        <translation>Tresor: %1</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/unlock.py" line="166"/>
        <source>Demo clinic: the password of every demo login is %1</source>
        <translation>Demo-Praxis: Das Passwort jeder Demo-Anmeldung lautet %1</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/unlock.py" line="193"/>
        <source>This vault has no clinicians.</source>
        <translation>Dieser Tresor hat keine Benutzer.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/unlock.py" line="196"/>
        <source>Enter your password.</source>
        <translation>Geben Sie Ihr Passwort ein.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/unlock.py" line="200"/>
        <source>Unlocking…</source>
        <translation>Wird entsperrt…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/unlock.py" line="226"/>
        <source>Wrong password. Please try again.</source>
        <translation>Falsches Passwort. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pixiodoc_desktop/gui/views/unlock.py" line="235"/>
        <source>Too many wrong passwords. You can try again in %n second(s).</source>
        <translation>
            <numerusform>Zu viele falsche Passwörter. Sie können es in %n Sekunde erneut versuchen.</numerusform>
            <numerusform>Zu viele falsche Passwörter. Sie können es in %n Sekunden erneut versuchen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/unlock.py" line="244"/>
        <source>You can try again now.</source>
        <translation>Sie können es jetzt erneut versuchen.</translation>
    </message>
</context>
<context>
    <name>ViewerWindow</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/viewer.py" line="39"/>
        <source>Viewer</source>
        <translation>Betrachter</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/viewer.py" line="42"/>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/viewer.py" line="48"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/viewer.py" line="49"/>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/viewer.py" line="50"/>
        <source>Full screen</source>
        <translation>Vollbild</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/viewer.py" line="120"/>
        <source>Second opinion marks: %1</source>
        <translation>Markierungen der Zweitmeinung: %1</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/viewer.py" line="183"/>
        <source>The photo could not be opened.</source>
        <translation>Das Foto konnte nicht geöffnet werden.</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/dialogs.py" line="181"/>
        <source>New visit</source>
        <translation>Neuer Besuch</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/dialogs.py" line="181"/>
        <source>Edit visit</source>
        <translation>Besuch bearbeiten</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <location filename="../../ui/visit.ui" line="11"/>
        <location filename="../../ui/visit.ui" line="12"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../ui/visit.ui" line="13"/>
        <location filename="../../ui/visit.ui" line="14"/>
        <source>Reason</source>
        <translation>Anlass</translation>
    </message>
    <message>
        <location filename="../../ui/visit.ui" line="15"/>
        <location filename="../../ui/visit.ui" line="16"/>
        <source>Conditions</source>
        <translation>Diagnosen</translation>
    </message>
    <message>
        <location filename="../../ui/visit.ui" line="16"/>
        <source>separate several with commas</source>
        <translation>mehrere durch Kommas trennen</translation>
    </message>
    <message>
        <location filename="../../ui/visit.ui" line="17"/>
        <location filename="../../ui/visit.ui" line="18"/>
        <source>Treatment</source>
        <translation>Therapie</translation>
    </message>
    <message>
        <location filename="../../ui/visit.ui" line="19"/>
        <location filename="../../ui/visit.ui" line="20"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
</context>
<context>
    <name>VisitPicker</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/visit_picker.py" line="37"/>
        <source>Total-body series</source>
        <translation>Ganzkörperserie</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/visit_picker.py" line="63"/>
        <source>Visits and photos</source>
        <translation>Besuche und Fotos</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/visit_picker.py" line="75"/>
        <source>Week %1</source>
        <translation>Woche %1</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/widgets/visit_picker.py" line="77"/>
        <source>Baseline</source>
        <translation>Ausgangsbefund</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pixiodoc_desktop/gui/widgets/visit_picker.py" line="80"/>
        <source>(%n photo(s))</source>
        <translation>
            <numerusform>(%n Foto)</numerusform>
            <numerusform>(%n Fotos)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="16"/>
        <source>Clinical overview</source>
        <translation>Klinische Übersicht</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="17"/>
        <source>Close-up</source>
        <translation>Nahaufnahme</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="18"/>
        <source>Dermoscopy, polarised</source>
        <translation>Dermatoskopie, polarisiert</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="19"/>
        <source>Dermoscopy, non-polarised</source>
        <translation>Dermatoskopie, nicht polarisiert</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="27"/>
        <source>Female</source>
        <translation>Weiblich</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="28"/>
        <source>Male</source>
        <translation>Männlich</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="29"/>
        <source>Diverse</source>
        <translation>Divers</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="30"/>
        <source>Not stated</source>
        <translation>Keine Angabe</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="36"/>
        <source>Clinical documentation</source>
        <translation>Klinische Dokumentation</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="37"/>
        <source>Sharing with colleagues</source>
        <translation>Weitergabe an Kollegen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="38"/>
        <source>Teaching</source>
        <translation>Lehre</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="39"/>
        <source>Publication</source>
        <translation>Veröffentlichung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="40"/>
        <source>Consultation screen</source>
        <translation>Besprechungsbildschirm</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="46"/>
        <source>View only</source>
        <translation>Nur ansehen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="47"/>
        <source>Editor</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/labels.py" line="48"/>
        <source>Admin</source>
        <translation>Verwalten</translation>
    </message>
</context>
<context>
    <name>WorklistDialog</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/worklist_dialog.py" line="31"/>
        <source>Today&apos;s worklist</source>
        <translation>Heutige Worklist</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/worklist_dialog.py" line="34"/>
        <source>Asking the worklist…</source>
        <translation>Worklist wird abgefragt…</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/worklist_dialog.py" line="38"/>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/worklist_dialog.py" line="39"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/worklist_dialog.py" line="40"/>
        <source>Patient ID</source>
        <translation>Patienten-ID</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/worklist_dialog.py" line="41"/>
        <source>Procedure</source>
        <translation>Untersuchung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/worklist_dialog.py" line="42"/>
        <source>Accession number</source>
        <translation>Auftragsnummer</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/worklist_dialog.py" line="52"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/worklist_dialog.py" line="53"/>
        <source>Open patient and visit</source>
        <translation>Patient und Besuch öffnen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/worklist_dialog.py" line="83"/>
        <source>Scheduled steps today: {count}</source>
        <translation>Heute geplante Untersuchungen: {count}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/worklist_dialog.py" line="85"/>
        <source>Nothing is scheduled today.</source>
        <translation>Heute ist nichts geplant.</translation>
    </message>
</context>
<context>
    <name>WorklistSettingsDialog</name>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/practice_dialogs.py" line="123"/>
        <source>DICOM worklist</source>
        <translation>DICOM-Worklist</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/practice_dialogs.py" line="134"/>
        <source>Worklist AE title</source>
        <translation>AE-Titel der Worklist</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/practice_dialogs.py" line="135"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/practice_dialogs.py" line="136"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/practice_dialogs.py" line="137"/>
        <source>Our AE title</source>
        <translation>Eigener AE-Titel</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/practice_dialogs.py" line="138"/>
        <source>Only steps for station (optional)</source>
        <translation>Nur Untersuchungen für Station (optional)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/gui/views/practice_dialogs.py" line="139"/>
        <source>Only modality (optional)</source>
        <translation>Nur Modalität (optional)</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="102"/>
        <source>This image is missing from the clinic&apos;s bucket or damaged there; it is tried again at the next sync round or when it is shown again.</source>
        <translation>Dieses Bild fehlt im Bucket der Praxis oder ist dort beschädigt; es wird bei der nächsten Synchronisation oder beim nächsten Anzeigen erneut versucht.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="11"/>
        <source>{file} does not exist</source>
        <translation>{file} existiert nicht</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="12"/>
        <source>{file} cannot be read: {reason}</source>
        <translation>{file} kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="13"/>
        <source>{file} is not a picture file ({kind}); only regular files can be imported</source>
        <translation>{file} ist keine Bilddatei ({kind}); nur gewöhnliche Dateien können importiert werden</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="16"/>
        <source>{file} holds {count} pages; PixioDoc takes one picture per file (save each as its own file)</source>
        <translation>{file} enthält {count} Seiten; PixioDoc nimmt ein Bild pro Datei an (speichern Sie jede Seite als eigene Datei)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="20"/>
        <source>{file} holds {count} frames; PixioDoc takes one picture per file (save each as its own file)</source>
        <translation>{file} enthält {count} Einzelbilder; PixioDoc nimmt ein Bild pro Datei an (speichern Sie jedes als eigene Datei)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="24"/>
        <source>a folder</source>
        <translation>ein Ordner</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="25"/>
        <source>a pipe</source>
        <translation>eine Pipe</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="26"/>
        <source>a socket</source>
        <translation>ein Socket</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="27"/>
        <source>a device</source>
        <translation>ein Gerät</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="28"/>
        <source>not a file</source>
        <translation>keine Datei</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="29"/>
        <source>{file} is too large to decode</source>
        <translation>{file} ist zu groß zum Dekodieren</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="30"/>
        <source>{file} is empty (0 bytes)</source>
        <translation>{file} ist leer (0 Byte)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="31"/>
        <source>{file} is too large: {size} (limit {limit})</source>
        <translation>{file} ist zu groß: {size} (Grenze {limit})</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="32"/>
        <source>{file} is too large: {width} x {height} pixels (limit {limit} megapixels)</source>
        <translation>{file} ist zu groß: {width} × {height} Pixel (Grenze {limit} Megapixel)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="35"/>
        <source>{file} is too large to open with the memory available</source>
        <translation>{file} ist zu groß, um mit dem verfügbaren Arbeitsspeicher geöffnet zu werden</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="36"/>
        <source>{file} is not an image PixioDoc accepts: it looks like {kind} (accepted: {accepted})</source>
        <translation>{file} ist kein Bild, das PixioDoc annimmt: Die Datei sieht aus wie {kind} (angenommen werden: {accepted})</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="40"/>
        <source>{file} is not an image PixioDoc accepts: its pixels are 32-bit numbers, not 8 or 16 bits per channel</source>
        <translation>{file} ist kein Bild, das PixioDoc annimmt: Die Pixel sind 32-Bit-Zahlen statt 8 oder 16 Bit pro Kanal</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="44"/>
        <source>{file} is not an image PixioDoc accepts: its pixels are floating-point numbers, not 8 or 16 bits per channel</source>
        <translation>{file} ist kein Bild, das PixioDoc annimmt: Die Pixel sind Gleitkommazahlen statt 8 oder 16 Bit pro Kanal</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="48"/>
        <source>{file} is not a camera picture PixioDoc accepts: expected 8-bit pixels</source>
        <translation>{file} ist kein Kamerabild, das PixioDoc annimmt: Erwartet werden 8-Bit-Pixel</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="51"/>
        <source>{file} is not a camera picture PixioDoc accepts: expected a grey or BGR frame, got shape {shape}</source>
        <translation>{file} ist kein Kamerabild, das PixioDoc annimmt: Erwartet wird ein Graustufen- oder BGR-Bild, erhalten wurde die Form {shape}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="55"/>
        <source>{file} is a HEIC image, but HEIC support is not installed on this computer (the pillow-heif package)</source>
        <translation>{file} ist ein HEIC-Bild, aber die HEIC-Unterstützung ist auf diesem Computer nicht installiert (Paket pillow-heif)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="59"/>
        <source>{file} could not be saved as a JPEG picture</source>
        <translation>{file} konnte nicht als JPEG-Bild gespeichert werden</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="60"/>
        <source>{file} is damaged: {reason}</source>
        <translation>{file} ist beschädigt: {reason}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="61"/>
        <source>{file} is damaged: it declares a size of {width} x {height} pixels</source>
        <translation>{file} ist beschädigt: Die Datei gibt eine Größe von {width} × {height} Pixeln an</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="64"/>
        <source>the {format} data ends early (truncated file)</source>
        <translation>die {format}-Daten enden vorzeitig (unvollständige Datei)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="65"/>
        <source>the {format} data is corrupt and cannot be decoded</source>
        <translation>die {format}-Daten sind fehlerhaft und können nicht dekodiert werden</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="66"/>
        <source>the JPEG start marker is missing</source>
        <translation>die JPEG-Startmarkierung fehlt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="67"/>
        <source>the JPEG data is corrupt (a misplaced marker)</source>
        <translation>die JPEG-Daten sind fehlerhaft (eine Markierung steht an falscher Stelle)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="68"/>
        <source>the JPEG data is corrupt (a bad segment length)</source>
        <translation>die JPEG-Daten sind fehlerhaft (ungültige Segmentlänge)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="69"/>
        <source>A compared photo could not be decoded.</source>
        <translation>Ein verglichenes Foto konnte nicht dekodiert werden.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="70"/>
        <source>Permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="71"/>
        <source>No such file or directory</source>
        <translation>Datei oder Ordner nicht gefunden</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="72"/>
        <source>Is a directory</source>
        <translation>Ist ein Ordner</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="74"/>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="75"/>
        <source>a PDF document</source>
        <translation>ein PDF-Dokument</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="76"/>
        <source>a ZIP archive (or an Office document)</source>
        <translation>ein ZIP-Archiv (oder ein Office-Dokument)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="77"/>
        <source>an empty ZIP archive</source>
        <translation>ein leeres ZIP-Archiv</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="78"/>
        <source>a GIF image</source>
        <translation>ein GIF-Bild</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="79"/>
        <source>a JPEG 2000 image</source>
        <translation>ein JPEG-2000-Bild</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="80"/>
        <source>a Windows icon</source>
        <translation>ein Windows-Symbol</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="81"/>
        <source>a Photoshop document</source>
        <translation>ein Photoshop-Dokument</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="82"/>
        <source>a Canon RAW photo</source>
        <translation>ein Canon-RAW-Foto</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="83"/>
        <source>a Fujifilm RAW photo</source>
        <translation>ein Fujifilm-RAW-Foto</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="84"/>
        <source>a BigTIFF image (not supported)</source>
        <translation>ein BigTIFF-Bild (nicht unterstützt)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="85"/>
        <source>a gzip archive</source>
        <translation>ein gzip-Archiv</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="86"/>
        <source>a RAR archive</source>
        <translation>ein RAR-Archiv</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="87"/>
        <source>a 7-Zip archive</source>
        <translation>ein 7-Zip-Archiv</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="88"/>
        <source>a Windows program</source>
        <translation>ein Windows-Programm</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="89"/>
        <source>a program</source>
        <translation>ein Programm</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="90"/>
        <source>an RTF document</source>
        <translation>ein RTF-Dokument</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="91"/>
        <source>an old-style Office document</source>
        <translation>ein Office-Dokument im alten Format</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="92"/>
        <source>a database file</source>
        <translation>eine Datenbankdatei</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="93"/>
        <source>a video (Matroska/WebM)</source>
        <translation>ein Video (Matroska/WebM)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="94"/>
        <source>an Ogg audio or video file</source>
        <translation>eine Ogg-Audio- oder -Videodatei</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="95"/>
        <source>an MP3 audio file</source>
        <translation>eine MP3-Audiodatei</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="96"/>
        <source>an MPEG video</source>
        <translation>ein MPEG-Video</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="97"/>
        <source>an AVIF image</source>
        <translation>ein AVIF-Bild</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="98"/>
        <source>a HEIF image that is not HEIC</source>
        <translation>ein HEIF-Bild, das kein HEIC ist</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="99"/>
        <source>a QuickTime video</source>
        <translation>ein QuickTime-Video</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="100"/>
        <source>a video or audio file (MP4 family)</source>
        <translation>eine Video- oder Audiodatei (MP4-Familie)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="101"/>
        <source>an AVI video</source>
        <translation>ein AVI-Video</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="102"/>
        <source>a WAV audio file</source>
        <translation>eine WAV-Audiodatei</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="103"/>
        <source>a RIFF file</source>
        <translation>eine RIFF-Datei</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="104"/>
        <source>an HTML page</source>
        <translation>eine HTML-Seite</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="105"/>
        <source>an SVG drawing</source>
        <translation>eine SVG-Zeichnung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="106"/>
        <source>an XML document</source>
        <translation>ein XML-Dokument</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="107"/>
        <source>plain text</source>
        <translation>reiner Text</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="108"/>
        <source>a damaged or unusual BMP image</source>
        <translation>ein beschädigtes oder ungewöhnliches BMP-Bild</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/importing.py" line="109"/>
        <source>unknown binary data</source>
        <translation>unbekannte Binärdaten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="9"/>
        <source>The vault is locked; log in first.</source>
        <translation>Der Tresor ist gesperrt; melden Sie sich zuerst an.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="10"/>
        <source>Wrong password for {login}.</source>
        <translation>Falsches Passwort für {login}.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="11"/>
        <source>Wrong password for {login}. Wait {seconds} seconds before the next try.</source>
        <translation>Falsches Passwort für {login}. Warten Sie {seconds} Sekunden bis zum nächsten Versuch.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="14"/>
        <source>Too many wrong passwords for {login}. Try again in {seconds} seconds.</source>
        <translation>Zu viele falsche Passwörter für {login}. Versuchen Sie es in {seconds} Sekunden erneut.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="17"/>
        <source>Too many wrong recovery keys. Try again in {seconds} seconds.</source>
        <translation>Zu viele falsche Wiederherstellungsschlüssel. Versuchen Sie es in {seconds} Sekunden erneut.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="18"/>
        <source>Too many wrong passwords for {login}. Try again in 1 second.</source>
        <translation>Zu viele falsche Passwörter für {login}. Versuchen Sie es in 1 Sekunde erneut.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="19"/>
        <source>Too many wrong recovery keys. Try again in 1 second.</source>
        <translation>Zu viele falsche Wiederherstellungsschlüssel. Versuchen Sie es in 1 Sekunde erneut.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="20"/>
        <source>Wrong password for {login}. Wait 1 second before the next try.</source>
        <translation>Falsches Passwort für {login}. Warten Sie 1 Sekunde bis zum nächsten Versuch.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="21"/>
        <source>That recovery key does not belong to this vault.</source>
        <translation>Dieser Wiederherstellungsschlüssel gehört nicht zu diesem Tresor.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="22"/>
        <source>The current password for {login} is wrong.</source>
        <translation>Das aktuelle Passwort für {login} ist falsch.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="23"/>
        <source>There is no clinician with the login {login} in this vault.</source>
        <translation>In diesem Tresor gibt es keine behandelnde Person mit dem Anmeldenamen {login}.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="24"/>
        <source>The account {login} has been deactivated. Ask a practice Admin.</source>
        <translation>Das Konto {login} wurde deaktiviert. Wenden Sie sich an einen Praxis-Admin.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="25"/>
        <source>That clinician account is not active.</source>
        <translation>Dieses Konto ist nicht aktiv.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="26"/>
        <source>The vault in {folder} is open in another PixioDoc window on this computer. Close it there first (or switch to that window): two programs must not write to one vault.</source>
        <translation>Der Tresor in {folder} ist auf diesem Computer in einem anderen PixioDoc-Fenster geöffnet. Schließen Sie ihn zuerst dort (oder wechseln Sie zu diesem Fenster): Zwei Programme dürfen nicht in denselben Tresor schreiben.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="33"/>
        <source>Only a practice Admin may renew the practice&apos;s keys.</source>
        <translation>Nur ein Praxis-Admin darf die Schlüssel der Praxis erneuern.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="34"/>
        <source>The practice&apos;s keys were renewed: {login} needs a new password from a practice Admin.</source>
        <translation>Die Schlüssel der Praxis wurden erneuert: {login} braucht ein neues Passwort von einem Praxis-Admin.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="38"/>
        <source>vault.json has an unreadable image id key. {hint}</source>
        <translation>Die vault.json enthält einen unlesbaren Schlüssel für Bildkennungen. {hint}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="39"/>
        <source>The acting clinician has no password in this vault.</source>
        <translation>Die handelnde Person hat in diesem Tresor kein Passwort.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="40"/>
        <source>The password for {login} is wrong.</source>
        <translation>Das Passwort für {login} ist falsch.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="41"/>
        <source>The data key of patient {patient} is damaged; the keys were not renewed. {hint}</source>
        <translation>Der Datenschlüssel von Patient {patient} ist beschädigt; die Schlüssel wurden nicht erneuert. {hint}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="45"/>
        <source>PixioDoc has this vault open elsewhere on this PC (another window or command); close it first, then renew the keys.</source>
        <translation>PixioDoc hat diesen Tresor auf diesem PC noch anderswo geöffnet (ein anderes Fenster oder ein Befehl); schließen Sie es zuerst und erneuern Sie dann die Schlüssel.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="49"/>
        <source>This vault syncs with other workstations; its keys are renewed together with the clinic&apos;s bucket, so sync must be set up and reachable here (pixiodoc sync configure), then renew them again.</source>
        <translation>Dieser Tresor synchronisiert mit anderen Arbeitsplätzen; seine Schlüssel werden zusammen mit dem Bucket der Praxis erneuert. Richten Sie dazu hier die Synchronisation ein und sorgen Sie dafür, dass sie erreichbar ist (pixiodoc sync configure), dann erneuern Sie die Schlüssel noch einmal.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="53"/>
        <source>Another workstation is renewing the practice&apos;s keys right now; wait until it has finished, then re-join this one with an enrollment code from a practice Admin.</source>
        <translation>Ein anderer Arbeitsplatz erneuert gerade die Schlüssel der Praxis; warten Sie, bis er fertig ist, und verbinden Sie diesen dann mit einem Einrichtungscode eines Praxis-Admins neu.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="57"/>
        <source>The audit trail has faults ({fault}); renewing the keys would seal them as good. Check it with `pixiodoc audit verify` and restore a backup first.</source>
        <translation>Das Protokoll hat Fehler ({fault}); eine Erneuerung der Schlüssel würde sie als gültig versiegeln. Prüfen Sie es mit `pixiodoc audit verify` und stellen Sie zuerst eine Sicherung wieder her.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="61"/>
        <source>That password is too easy to guess: {problem}.</source>
        <translation>Dieses Passwort ist zu leicht zu erraten: {problem}.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="62"/>
        <source>There is no vault at {folder} (the folder does not exist).</source>
        <translation>Unter {folder} gibt es keinen Tresor (der Ordner existiert nicht).</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="63"/>
        <source>There is no vault at {folder} (it is a file, not a folder).</source>
        <translation>Unter {folder} gibt es keinen Tresor (das ist eine Datei, kein Ordner).</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="64"/>
        <source>There is no vault at {folder} (no vault.json).</source>
        <translation>Unter {folder} gibt es keinen Tresor (keine vault.json).</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="65"/>
        <source>There is already a vault at {folder}; choose an empty folder.</source>
        <translation>Unter {folder} gibt es bereits einen Tresor; wählen Sie einen leeren Ordner.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="66"/>
        <source>{folder} is not empty; choose an empty or new folder.</source>
        <translation>{folder} ist nicht leer; wählen Sie einen leeren oder neuen Ordner.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="67"/>
        <source>{folder} is a file, not a folder; choose an empty or new folder.</source>
        <translation>{folder} ist eine Datei, kein Ordner; wählen Sie einen leeren oder neuen Ordner.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="68"/>
        <source>{folder} holds a clinic&apos;s vault, not the demo clinic; open it without --demo (pixiodoc --vault {folder})</source>
        <translation>{folder} enthält den Tresor einer Praxis, nicht die Demo-Praxis; öffnen Sie ihn ohne --demo (pixiodoc --vault {folder})</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="72"/>
        <source>Restore the vault from your latest backup (pixiodoc vault restore).</source>
        <translation>Stellen Sie den Tresor aus Ihrer letzten Sicherung wieder her (pixiodoc vault restore).</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="75"/>
        <source>The vault at {folder} has lost its vault.json. {hint}</source>
        <translation>Dem Tresor unter {folder} fehlt die Datei vault.json. {hint}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="76"/>
        <source>The vault&apos;s vault.json at {folder} is damaged. {hint}</source>
        <translation>Die vault.json des Tresors unter {folder} ist beschädigt. {hint}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="77"/>
        <source>The vault&apos;s vault.json at {folder} has been altered since it was last written by PixioDoc. {hint}</source>
        <translation>Die vault.json des Tresors unter {folder} wurde verändert, seit PixioDoc sie zuletzt geschrieben hat. {hint}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="81"/>
        <source>{path} is not a PixioDoc vault header. {hint}</source>
        <translation>{path} ist kein PixioDoc-Tresorkopf. {hint}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="82"/>
        <source>vault.json has an unreadable key entry. {hint}</source>
        <translation>Die vault.json enthält einen unlesbaren Schlüsseleintrag. {hint}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="83"/>
        <source>vault.json has an unreadable {what}</source>
        <translation>Die vault.json enthält unlesbare Daten ({what})</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="84"/>
        <source>vault.json names an unknown key derivation {name}</source>
        <translation>Die vault.json nennt ein unbekanntes Schlüsselableitungsverfahren {name}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="85"/>
        <source>vault.json has unreadable key derivation settings</source>
        <translation>Die vault.json enthält unlesbare Einstellungen zur Schlüsselableitung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="86"/>
        <source>vault.json was altered: its key derivation settings (memory {memory} KiB, {passes} passes, {lanes} lanes) are outside what PixioDoc writes. Restore vault.json from a backup.</source>
        <translation>Die vault.json wurde verändert: Ihre Einstellungen zur Schlüsselableitung (Speicher {memory} KiB, {passes} Durchläufe, {lanes} Spuren) liegen außerhalb dessen, was PixioDoc schreibt. Stellen Sie die vault.json aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="90"/>
        <source>The vault database {file} cannot be read with this vault&apos;s key (it is damaged or belongs to another vault). {hint}</source>
        <translation>Die Tresordatenbank {file} lässt sich mit dem Schlüssel dieses Tresors nicht lesen (sie ist beschädigt oder gehört zu einem anderen Tresor). {hint}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="94"/>
        <source>The vault database in {folder} is damaged ({fault}). {hint}</source>
        <translation>Die Tresordatenbank in {folder} ist beschädigt ({fault}). {hint}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="95"/>
        <source>The vault database is missing from {folder}. {hint}</source>
        <translation>Die Tresordatenbank fehlt in {folder}. {hint}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="96"/>
        <source>The vault has no device id; it was not created by PixioDoc.</source>
        <translation>Der Tresor hat keine Gerätekennung; er wurde nicht von PixioDoc angelegt.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="97"/>
        <source>This vault was written by a newer PixioDoc (vault format {version}; this version reads up to {supported}). Update PixioDoc to open it.</source>
        <translation>Dieser Tresor wurde von einer neueren PixioDoc-Version geschrieben (Tresorformat {version}; diese Version liest bis {supported}). Aktualisieren Sie PixioDoc, um ihn zu öffnen.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="101"/>
        <source>This vault&apos;s database was written by a newer PixioDoc (schema {schema}). Update PixioDoc to open it.</source>
        <translation>Die Datenbank dieses Tresors wurde von einer neueren PixioDoc-Version geschrieben (Schema {schema}). Aktualisieren Sie PixioDoc, um sie zu öffnen.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="105"/>
        <source>The data key of patient {patient} is missing (erased or damaged); the patient&apos;s images cannot be read.</source>
        <translation>Der Datenschlüssel von Patient {patient} fehlt (gelöscht oder beschädigt); die Bilder dieser Akte können nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="109"/>
        <source>The data key of patient {patient} is damaged. {hint}</source>
        <translation>Der Datenschlüssel von Patient {patient} ist beschädigt. {hint}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="110"/>
        <source>Image object {object} is truncated</source>
        <translation>Das Bildobjekt {object} ist unvollständig</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="111"/>
        <source>Image object {object} has an unknown format</source>
        <translation>Das Bildobjekt {object} hat ein unbekanntes Format</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="112"/>
        <source>Image object {object} fails authentication (damaged or altered)</source>
        <translation>Das Bildobjekt {object} besteht die Echtheitsprüfung nicht (beschädigt oder verändert)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/vault.py" line="113"/>
        <source>Image object {object} is missing from the vault</source>
        <translation>Das Bildobjekt {object} fehlt im Tresor</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/access.py" line="9"/>
        <source>This action needs a clinician to be logged in.</source>
        <translation>Für diese Aktion muss eine behandelnde Person angemeldet sein.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/access.py" line="10"/>
        <source>The account {login} has been deactivated; log in as an active clinician.</source>
        <translation>Das Konto {login} wurde deaktiviert; melden Sie sich mit einem aktiven Konto an.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/access.py" line="13"/>
        <source>{login} may not {action} this patient&apos;s record (needs {level} access; ask the record&apos;s Admin to share it).</source>
        <translation>{login} hat für diese Aktion ({action}) an der Akte keine Berechtigung (nötig ist Zugriff „{level}“; bitten Sie den Admin der Akte, sie freizugeben).</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/access.py" line="17"/>
        <source>{login} may not view this patient&apos;s record (needs {level} access; ask the record&apos;s Admin to share it).</source>
        <translation>{login} darf die Akte dieses Patienten nicht ansehen (nötig ist Zugriff „{level}“; bitten Sie den Admin der Akte, sie freizugeben).</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/access.py" line="21"/>
        <source>{login} may not edit this patient&apos;s record (needs {level} access; ask the record&apos;s Admin to share it).</source>
        <translation>{login} darf die Akte dieses Patienten nicht bearbeiten (nötig ist Zugriff „{level}“; bitten Sie den Admin der Akte, sie freizugeben).</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/access.py" line="25"/>
        <source>{login} may not delete this patient&apos;s record (needs {level} access; ask the record&apos;s Admin to share it).</source>
        <translation>{login} darf in der Akte dieses Patienten nichts löschen (nötig ist Zugriff „{level}“; bitten Sie den Admin der Akte, sie freizugeben).</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/access.py" line="29"/>
        <source>{login} may not export this patient&apos;s record (needs {level} access; ask the record&apos;s Admin to share it).</source>
        <translation>{login} darf die Akte dieses Patienten nicht exportieren (nötig ist Zugriff „{level}“; bitten Sie den Admin der Akte, sie freizugeben).</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/access.py" line="33"/>
        <source>{login} may not share this patient&apos;s record (needs {level} access; ask the record&apos;s Admin to share it).</source>
        <translation>{login} darf die Akte dieses Patienten nicht freigeben (nötig ist Zugriff „{level}“; bitten Sie den Admin der Akte, sie freizugeben).</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/access.py" line="37"/>
        <source>{login} may not erase this patient&apos;s record (needs {level} access; ask the record&apos;s Admin to share it).</source>
        <translation>{login} darf die Akte dieses Patienten nicht endgültig löschen (nötig ist Zugriff „{level}“; bitten Sie den Admin der Akte, sie freizugeben).</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/access.py" line="41"/>
        <source>View Only</source>
        <translation>Nur ansehen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/access.py" line="42"/>
        <source>Editor</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/access.py" line="43"/>
        <source>This record was imported from another clinic&apos;s case bundle and is View Only.</source>
        <translation>Diese Akte wurde aus dem Fallpaket einer anderen Praxis importiert und kann nur angesehen werden.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/access.py" line="46"/>
        <source>Only a practice Admin may {what}.</source>
        <translation>Nur ein Praxis-Admin darf {what}.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/access.py" line="47"/>
        <source>add clinicians</source>
        <translation>behandelnde Personen hinzufügen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/access.py" line="48"/>
        <source>change roles</source>
        <translation>Rollen ändern</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/access.py" line="49"/>
        <source>deactivate clinicians</source>
        <translation>behandelnde Personen deaktivieren</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/access.py" line="50"/>
        <source>reset passwords</source>
        <translation>Passwörter zurücksetzen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/access.py" line="51"/>
        <source>review emergency accesses</source>
        <translation>Notfallzugriffe prüfen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/access.py" line="52"/>
        <source>acknowledge emergency accesses</source>
        <translation>Notfallzugriffe bestätigen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/access.py" line="53"/>
        <source>Only a practice Admin may install a licence.</source>
        <translation>Nur ein Praxis-Admin darf eine Lizenz installieren.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/access.py" line="54"/>
        <source>Only a practice Admin may back up the whole vault.</source>
        <translation>Nur ein Praxis-Admin darf den ganzen Tresor sichern.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/access.py" line="55"/>
        <source>Only a practice Admin may enroll a new workstation.</source>
        <translation>Nur ein Praxis-Admin darf einen neuen Arbeitsplatz einrichten.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/access.py" line="56"/>
        <source>Only a practice Admin may change the sync settings.</source>
        <translation>Nur ein Praxis-Admin darf die Synchronisationseinstellungen ändern.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/access.py" line="57"/>
        <source>Only a practice Admin (or the record&apos;s Admin, for that record) may {what} the audit trail.</source>
        <translation>Nur ein Praxis-Admin (oder für diese Akte ihr Admin) darf das Protokoll einsehen oder exportieren ({what}).</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/access.py" line="61"/>
        <source>Only the clinician who opened it or a practice Admin may end it.</source>
        <translation>Nur die Person, die ihn geöffnet hat, oder ein Praxis-Admin darf ihn beenden.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/access.py" line="62"/>
        <source>Only a workspace Admin may set up the PACS.</source>
        <translation>Nur ein Admin darf das PACS einrichten.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/access.py" line="63"/>
        <source>Only a workspace Admin may set up the practice software exchange.</source>
        <translation>Nur ein Admin darf den Austausch mit der Praxissoftware einrichten.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/access.py" line="66"/>
        <source>Only a workspace Admin may set up the DICOM worklist.</source>
        <translation>Nur ein Admin darf die DICOM-Worklist einrichten.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/practice.py" line="11"/>
        <source>{file} holds {count} records; a request holds one</source>
        <translation>{file} enthält {count} Datensätze; eine Anfrage enthält einen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/practice.py" line="12"/>
        <source>{file} has no patient number (field 3000)</source>
        <translation>{file} hat keine Patientennummer (Feld 3000)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/practice.py" line="13"/>
        <source>{file}: the patient number (field 3000) is longer than 64 characters</source>
        <translation>{file}: Die Patientennummer (Feld 3000) ist länger als 64 Zeichen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/practice.py" line="16"/>
        <source>{file} is a result (6310), not a request for PixioDoc</source>
        <translation>{file} ist ein Ergebnis (6310), keine Anfrage an PixioDoc</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/practice.py" line="17"/>
        <source>{file} is addressed to {receiver}, not to PixioDoc ({ours})</source>
        <translation>{file} ist an {receiver} gerichtet, nicht an PixioDoc ({ours})</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/practice.py" line="18"/>
        <source>{file} has no family name (field 3101) for a new patient</source>
        <translation>{file} enthält keinen Nachnamen (Feld 3101) für einen neuen Patienten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/practice.py" line="19"/>
        <source>{file} is too large for a GDT file ({actual} bytes; at most {most})</source>
        <translation>{file} ist zu groß für eine GDT-Datei ({actual} Bytes; höchstens {most})</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/practice.py" line="22"/>
        <source>{file} is too large for a GDT file (more than {most} bytes)</source>
        <translation>{file} ist zu groß für eine GDT-Datei (mehr als {most} Bytes)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/practice.py" line="23"/>
        <source>{file} ends in the middle of a line (the file is truncated)</source>
        <translation>{file} endet mitten in einer Zeile (die Datei ist abgeschnitten)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/practice.py" line="24"/>
        <source>{file}, line {line}: not a GDT line (3-digit length, 4-digit field id)</source>
        <translation>{file}, Zeile {line}: keine GDT-Zeile (3-stellige Länge, 4-stellige Feldkennung)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/practice.py" line="27"/>
        <source>{file}, line {line}: the length says {declared} bytes but the line has {actual} (malformed length)</source>
        <translation>{file}, Zeile {line}: Die Länge gibt {declared} Bytes an, die Zeile hat {actual} (fehlerhafte Länge)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/practice.py" line="31"/>
        <source>{file} is empty</source>
        <translation>{file} ist leer</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/practice.py" line="32"/>
        <source>{file} is not a GDT file: it holds binary data</source>
        <translation>{file} ist keine GDT-Datei: Sie enthält Binärdaten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/practice.py" line="33"/>
        <source>{file} does not start with a record type (field 8000)</source>
        <translation>{file} beginnt nicht mit einer Satzart (Feld 8000)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/practice.py" line="34"/>
        <source>{file}, line {line}: unknown field {field}</source>
        <translation>{file}, Zeile {line}: unbekanntes Feld {field}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/practice.py" line="35"/>
        <source>{file}: record type {kind} is not one PixioDoc takes ({known})</source>
        <translation>{file}: Die Satzart {kind} nimmt PixioDoc nicht an ({known})</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/practice.py" line="36"/>
        <source>{file}: the record length (field 8100) is missing</source>
        <translation>{file}: Die Satzlänge (Feld 8100) fehlt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/practice.py" line="37"/>
        <source>{file}: the record length (8100) says {declared} bytes but the record has {actual} ({why})</source>
        <translation>{file}: Die Satzlänge (8100) gibt {declared} Bytes an, der Satz hat {actual} ({why})</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/practice.py" line="41"/>
        <source>the file is truncated</source>
        <translation>die Datei ist abgeschnitten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/practice.py" line="42"/>
        <source>malformed length</source>
        <translation>fehlerhafte Länge</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/practice.py" line="43"/>
        <source>{file}: character set {code} (field 9206) is not 1, 2, 3 or 4</source>
        <translation>{file}: Der Zeichensatz {code} (Feld 9206) ist nicht 1, 2, 3 oder 4</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/practice.py" line="44"/>
        <source>{file}, line {line}: object end 8201 without its start</source>
        <translation>{file}, Zeile {line}: Objektende 8201 ohne Objektbeginn</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/practice.py" line="45"/>
        <source>{file}: an object (8200) is not closed (the file is truncated)</source>
        <translation>{file}: Ein Objekt (8200) ist nicht geschlossen (die Datei ist abgeschnitten)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/practice.py" line="46"/>
        <source>The {what} is not a GDT date (TTMMJJJJ)</source>
        <translation>{what} ist kein GDT-Datum (TTMMJJJJ)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/practice.py" line="47"/>
        <source>The {what} is not a valid date</source>
        <translation>{what} ist kein gültiges Datum</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/practice.py" line="48"/>
        <source>date of birth (field 3103)</source>
        <translation>Das Geburtsdatum (Feld 3103)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/forms.py" line="9"/>
        <source>{text} is not a valid {what}; use YYYY-MM-DD (e.g. 1980-04-23)</source>
        <translation>{text} ist kein gültiges {what}; bitte als TT.MM.JJJJ oder JJJJ-MM-TT (z. B. 23.04.1980)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/forms.py" line="10"/>
        <source>date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/forms.py" line="11"/>
        <source>visit date</source>
        <translation>Besuchsdatum</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/forms.py" line="12"/>
        <source>expiry date</source>
        <translation>Ablaufdatum</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/forms.py" line="13"/>
        <source>Only a workspace Admin may change the clinic&apos;s logo.</source>
        <translation>Nur ein Admin darf das Logo der Praxis ändern.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/forms.py" line="14"/>
        <source>Importing patients from the EHR takes a workspace Admin.</source>
        <translation>Der Import von Patienten aus dem Praxisverwaltungssystem ist Admins vorbehalten.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/forms.py" line="15"/>
        <source>This patient has not consented to being shown photos on the consultation screen (record consent for &apos;consultation-screen&apos; first).</source>
        <translation>Diese Person hat nicht eingewilligt, dass ihr Fotos auf dem Beratungsbildschirm gezeigt werden (erfassen Sie zuerst die Einwilligung „Beratungsbildschirm“).</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/plans.py" line="9"/>
        <source>Upgrade to PixioDoc Pro or Teams (see pixiodoc.example/pricing) and install the licence with &apos;pixiodoc licence install FILE&apos; or File &gt; Licence… in the workstation.</source>
        <translation>Wechseln Sie zu PixioDoc Pro oder Teams (siehe pixiodoc.example/pricing) und installieren Sie die Lizenz mit „pixiodoc licence install DATEI“ oder am Arbeitsplatz unter Datei &gt; Lizenz….</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/plans.py" line="13"/>
        <source>The {plan} plan keeps up to {limit} patients and this clinic has {count}{why}. Existing records stay available. {hint}</source>
        <translation>Der Tarif {plan} umfasst bis zu {limit} Patienten, und diese Praxis hat {count}{why}. Vorhandene Akten bleiben verfügbar. {hint}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/plans.py" line="17"/>
        <source>The {plan} plan has room for {limit} active clinicians and all are taken. Ask for more seats on the Teams licence.</source>
        <translation>Der Tarif {plan} bietet Platz für {limit} aktive behandelnde Personen, und alle Plätze sind belegt. Fragen Sie nach weiteren Plätzen für die Teams-Lizenz.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/plans.py" line="21"/>
        <source>The {plan} plan has room for {limit} active clinicians and all are taken. PixioDoc Teams has 4 or more seats. {hint}</source>
        <translation>Der Tarif {plan} bietet Platz für {limit} aktive behandelnde Personen, und alle Plätze sind belegt. PixioDoc Teams hat 4 oder mehr Plätze. {hint}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/plans.py" line="25"/>
        <source>{what} needs PixioDoc Pro; this clinic has {plan}. {hint}</source>
        <translation>{what} erfordert PixioDoc Pro; diese Praxis hat {plan}. {hint}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/plans.py" line="26"/>
        <source>{what} needs PixioDoc Teams; this clinic has {plan}. {hint}</source>
        <translation>{what} erfordert PixioDoc Teams; diese Praxis hat {plan}. {hint}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/plans.py" line="27"/>
        <source>Sharing a record with a colleague</source>
        <translation>Das Freigeben einer Akte an Kolleginnen und Kollegen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sharing.py" line="9"/>
        <source>There is no active clinician with the login {login}</source>
        <translation>Es gibt keine aktive Behandelnde / keinen aktiven Behandelnden mit der Anmeldung {login}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sharing.py" line="10"/>
        <source>That clinician has no access of their own to this record</source>
        <translation>Diese Person hat keinen eigenen Zugriff auf diese Akte</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sharing.py" line="11"/>
        <source>A record needs at least one Admin; grant Admin to someone else first</source>
        <translation>Eine Akte braucht mindestens eine Person mit Admin-Zugriff; geben Sie zuerst jemand anderem Admin-Zugriff</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sharing.py" line="15"/>
        <source>This is not a PixioDoc licence file</source>
        <translation>Das ist keine PixioDoc-Lizenzdatei</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sharing.py" line="16"/>
        <source>The licence&apos;s signature does not match (it was altered or not issued by PixioDoc)</source>
        <translation>Die Signatur der Lizenz stimmt nicht (sie wurde verändert oder nicht von PixioDoc ausgestellt)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sharing.py" line="20"/>
        <source>The licence is signed but incomplete</source>
        <translation>Die Lizenz ist signiert, aber unvollständig</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sharing.py" line="21"/>
        <source>This licence was issued for {clinic}, not for this clinic ({ours})</source>
        <translation>Diese Lizenz wurde für {clinic} ausgestellt, nicht für diese Praxis ({ours})</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sharing.py" line="25"/>
        <source>This licence expired on {date}</source>
        <translation>Diese Lizenz ist am {date} abgelaufen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sharing.py" line="26"/>
        <source>A Teams licence has at least {count} seats</source>
        <translation>Eine Teams-Lizenz hat mindestens {count} Plätze</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sharing.py" line="27"/>
        <source>Cannot read the licence file {file}: {reason}</source>
        <translation>Die Lizenzdatei {file} kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sharing.py" line="28"/>
        <source>Protect the bundle with a passphrase or a colleague&apos;s case key</source>
        <translation>Schützen Sie die Falldatei mit einer Passphrase oder dem Fallschlüssel der Kollegin/des Kollegen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sharing.py" line="29"/>
        <source>Use a passphrase of at least {count} characters</source>
        <translation>Verwenden Sie eine Passphrase mit mindestens {count} Zeichen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sharing.py" line="30"/>
        <source>The expiry date must lie within the next {count} days</source>
        <translation>Das Ablaufdatum muss innerhalb der nächsten {count} Tage liegen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sharing.py" line="31"/>
        <source>Choose at least one visit to share</source>
        <translation>Wählen Sie mindestens einen Besuch zum Weitergeben</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sharing.py" line="32"/>
        <source>Cannot write the bundle to {file}; give a file in an existing folder</source>
        <translation>Die Falldatei kann nicht nach {file} geschrieben werden; geben Sie eine Datei in einem vorhandenen Ordner an</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sharing.py" line="36"/>
        <source>That is not a PixioDoc case key (expected pxcase-x25519: and 64 hex digits)</source>
        <translation>Das ist kein PixioDoc-Fallschlüssel (erwartet: pxcase-x25519: und 64 Hexadezimalziffern)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sharing.py" line="40"/>
        <source>A chosen visit does not belong to this patient</source>
        <translation>Ein gewählter Besuch gehört nicht zu diesem Patienten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sharing.py" line="41"/>
        <source>The patient has not consented to sharing with colleagues; record that consent first (scope &apos;sharing&apos;).</source>
        <translation>Der Patient hat der Weitergabe an Kollegen nicht zugestimmt; erfassen Sie zuerst diese Einwilligung (Bereich „Weitergabe an Kollegen“).</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/capture.py" line="9"/>
        <source>The hot folder {folder} does not exist</source>
        <translation>Der überwachte Ordner {folder} existiert nicht</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/capture.py" line="10"/>
        <source>The camera &apos;{camera}&apos; did not respond in time</source>
        <translation>Die Kamera „{camera}“ hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/capture.py" line="11"/>
        <source>The camera &apos;{camera}&apos; is in use by another program (or does not start); close the other program and try again</source>
        <translation>Die Kamera „{camera}“ wird von einem anderen Programm verwendet (oder startet nicht); schließen Sie das andere Programm und versuchen Sie es erneut</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/capture.py" line="15"/>
        <source>The camera &apos;{camera}&apos; is in use by another program</source>
        <translation>Die Kamera „{camera}“ wird von einem anderen Programm verwendet</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/capture.py" line="16"/>
        <source>The camera &apos;{camera}&apos; is not open</source>
        <translation>Die Kamera „{camera}“ ist nicht geöffnet</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/capture.py" line="17"/>
        <source>&apos;{camera}&apos; has no picture that can be read</source>
        <translation>„{camera}“ liefert kein lesbares Bild</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/capture.py" line="18"/>
        <source>No camera found (nothing is connected as camera {index})</source>
        <translation>Keine Kamera gefunden (als Kamera {index} ist nichts angeschlossen)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/capture.py" line="19"/>
        <source>No camera found: &apos;{camera}&apos; is not connected or cannot be opened</source>
        <translation>Keine Kamera gefunden: „{camera}“ ist nicht angeschlossen oder lässt sich nicht öffnen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/capture.py" line="20"/>
        <source>No camera found: &apos;{camera}&apos; cannot be opened as video</source>
        <translation>Keine Kamera gefunden: „{camera}“ lässt sich nicht als Video öffnen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/capture.py" line="21"/>
        <source>No camera found: the folder {folder} does not exist</source>
        <translation>Keine Kamera gefunden: Der Ordner {folder} existiert nicht</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/capture.py" line="22"/>
        <source>No camera found: the file {file} does not exist</source>
        <translation>Keine Kamera gefunden: Die Datei {file} existiert nicht</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/capture.py" line="23"/>
        <source>could not align: the fit is degenerate</source>
        <translation>Ausrichten nicht möglich: Die Anpassung ist entartet</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/capture.py" line="24"/>
        <source>could not align: the fit needs an implausible perspective</source>
        <translation>Ausrichten nicht möglich: Die Anpassung bräuchte eine unplausible Perspektive</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/capture.py" line="25"/>
        <source>could not align: the fit would mirror the photo</source>
        <translation>Ausrichten nicht möglich: Die Anpassung würde das Foto spiegeln</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/capture.py" line="26"/>
        <source>could not align: the photos differ in scale by {scale}x (allowed 0.5-2)</source>
        <translation>Ausrichten nicht möglich: Die Fotos unterscheiden sich im Maßstab um das {scale}-Fache (erlaubt 0,5–2)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/capture.py" line="29"/>
        <source>could not align: the fit twists the photo</source>
        <translation>Ausrichten nicht möglich: Die Anpassung verdreht das Foto</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/capture.py" line="30"/>
        <source>could not align: too few matching features</source>
        <translation>Ausrichten nicht möglich: zu wenige übereinstimmende Merkmale</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="11"/>
        <source>Sync is not set up on this workstation: a practice Admin sets it up in Practice › Sync settings… (or with pixiodoc sync configure).</source>
        <translation>Die Synchronisation ist auf diesem Arbeitsplatz nicht eingerichtet: Ein Praxis-Admin richtet sie unter Praxis › Synchronisation einrichten… ein (oder mit pixiodoc sync configure).</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="15"/>
        <source>The sync access key and secret are missing from this PC&apos;s credential store; enter them again (pixiodoc sync configure).</source>
        <translation>Zugriffsschlüssel und Geheimnis für die Synchronisation fehlen im Anmeldedatenspeicher dieses PCs; geben Sie sie erneut ein (pixiodoc sync configure).</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="19"/>
        <source>The sync endpoint {endpoint} cannot be reached (offline, or a wrong address). Changes stay on this PC and go out with the next sync.</source>
        <translation>Der Synchronisationsserver {endpoint} ist nicht erreichbar (offline oder falsche Adresse). Änderungen bleiben auf diesem PC und werden bei der nächsten Synchronisation übertragen.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="23"/>
        <source>The sync endpoint {endpoint} is having trouble (error {code}); sync will try again later.</source>
        <translation>Der Synchronisationsserver {endpoint} hat Probleme (Fehler {code}); die Synchronisation wird später erneut versucht.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="27"/>
        <source>The sync endpoint {endpoint} refused a request (error {code}).</source>
        <translation>Der Synchronisationsserver {endpoint} hat eine Anfrage abgelehnt (Fehler {code}).</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="28"/>
        <source>The sync endpoint {endpoint} rejects the access key or secret (check them under sync settings: pixiodoc sync configure).</source>
        <translation>Der Synchronisationsserver {endpoint} lehnt Zugriffsschlüssel oder Geheimnis ab (prüfen Sie sie in den Synchronisationseinstellungen: pixiodoc sync configure).</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="32"/>
        <source>The sync endpoint {endpoint} does not answer as S3 storage (a proxy may be in the way, or the endpoint URL is wrong).</source>
        <translation>Der Synchronisationsserver {endpoint} antwortet nicht als S3-Speicher (vielleicht ist ein Proxy dazwischen oder die Adresse ist falsch).</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="36"/>
        <source>The sync endpoint answered with a web page, not as S3 storage (a proxy or login portal is in the way, or the endpoint URL is wrong).</source>
        <translation>Der Synchronisationsserver hat mit einer Webseite statt als S3-Speicher geantwortet (ein Proxy oder Anmeldeportal ist dazwischen, oder die Adresse ist falsch).</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="40"/>
        <source>The bucket {bucket} does not exist at {endpoint}; create it or correct the name.</source>
        <translation>Der Bucket {bucket} existiert bei {endpoint} nicht; legen Sie ihn an oder korrigieren Sie den Namen.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="43"/>
        <source>This PC&apos;s clock is too far off the sync endpoint&apos;s time; set the date and time correctly (automatic time), then sync again.</source>
        <translation>Die Uhr dieses PCs weicht zu stark von der Zeit des Synchronisationsservers ab; stellen Sie Datum und Uhrzeit richtig ein (automatische Zeit) und synchronisieren Sie dann erneut.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="47"/>
        <source>The disk of this PC is full: the changes from the other workstations could not be saved. Free some space, then sync again; nothing was lost.</source>
        <translation>Die Festplatte dieses PCs ist voll: Die Änderungen der anderen Arbeitsplätze konnten nicht gespeichert werden. Schaffen Sie Platz und synchronisieren Sie dann erneut; es ist nichts verloren gegangen.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="51"/>
        <source>The sync object {object} is not a PixioDoc object.</source>
        <translation>Das Synchronisationsobjekt {object} ist kein PixioDoc-Objekt.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="52"/>
        <source>The sync object {object} is unreadable.</source>
        <translation>Das Synchronisationsobjekt {object} ist unlesbar.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="53"/>
        <source>The sync object {object} fails authentication (altered, or not this clinic&apos;s); it was not applied.</source>
        <translation>Das Synchronisationsobjekt {object} besteht die Echtheitsprüfung nicht (verändert oder nicht von dieser Praxis); es wurde nicht übernommen.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="57"/>
        <source>Changes of workstation {device} are missing from the clinic&apos;s bucket or damaged there (batch {batch}); they are not applied here until that workstation puts them back at its next sync.</source>
        <translation>Änderungen des Arbeitsplatzes {device} fehlen im Speicher der Praxis oder sind dort beschädigt (Stapel {batch}); sie werden hier erst übernommen, wenn dieser Arbeitsplatz sie bei seiner nächsten Synchronisation wiederherstellt.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="61"/>
        <source>Changes of workstation {device} in the clinic&apos;s bucket were replaced or reordered (batch {batch} does not follow the one before it); they are not applied here until that workstation puts its own copy back at its next sync.</source>
        <translation>Änderungen des Arbeitsplatzes {device} im Speicher der Praxis wurden ersetzt oder umgestellt (Stapel {batch} folgt nicht auf den vorigen); sie werden hier erst übernommen, wenn dieser Arbeitsplatz bei seiner nächsten Synchronisation seine eigene Kopie zurückschreibt.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="65"/>
        <source>Workstation {device} has no missing batch {batch} on this PC, so there is nothing to accept; pixiodoc sync status lists what is missing.</source>
        <translation>Auf diesem PC fehlt vom Arbeitsplatz {device} kein Stapel {batch}, es gibt also nichts anzunehmen; pixiodoc sync status zeigt, was fehlt.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="69"/>
        <source>Only a practice Admin may accept lost changes.</source>
        <translation>Nur ein Admin der Praxis darf verlorene Änderungen annehmen.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="70"/>
        <source>Only a practice Admin may write a snapshot for new PCs.</source>
        <translation>Nur ein Praxis-Admin darf einen Schnappschuss für neue PCs schreiben.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="71"/>
        <source>A snapshot of the clinic&apos;s records in the bucket is damaged ({reason}); the next sync reads the clinic&apos;s changes one by one instead.</source>
        <translation>Ein Schnappschuss der Praxisdaten im Bucket ist beschädigt ({reason}); die nächste Synchronisation liest die Änderungen der Praxis stattdessen einzeln.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="75"/>
        <source>A snapshot is written only when this workstation has sent all its changes; sync first, then write it.</source>
        <translation>Ein Schnappschuss wird nur geschrieben, wenn dieser Arbeitsplatz alle seine Änderungen gesendet hat; synchronisieren Sie zuerst und schreiben Sie ihn dann.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="79"/>
        <source>This workstation is still receiving the clinic&apos;s records ({applied} of {total} parts are in); a snapshot is written once they are all here.</source>
        <translation>Dieser Arbeitsplatz empfängt noch die Daten der Praxis ({applied} von {total} Teilen sind da); ein Schnappschuss wird geschrieben, sobald alle hier sind.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="83"/>
        <source>The manifest of snapshot {snapshot} is not one this PC can use.</source>
        <translation>Das Manifest des Schnappschusses {snapshot} kann dieser PC nicht verwenden.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="84"/>
        <source>The audit trail of workstation {device} does not match what the clinic&apos;s workstations have seen of it (event {event}): it was cut short or rewritten. Check it with pixiodoc audit verify and tell the practice Admin.</source>
        <translation>Das Protokoll des Arbeitsplatzes {device} stimmt nicht mit dem überein, was die Arbeitsplätze der Praxis davon gesehen haben (Ereignis {event}): Es wurde gekürzt oder umgeschrieben. Prüfen Sie es mit pixiodoc audit verify und informieren Sie den Praxis-Admin.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="88"/>
        <source>{count} image(s) from the other workstations are missing from the clinic&apos;s bucket or damaged there; sync fetches them again at its next round.</source>
        <translation>{count} Bild(er) der anderen Arbeitsplätze fehlen im Speicher der Praxis oder sind dort beschädigt; die Synchronisation holt sie bei ihrer nächsten Runde erneut.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="92"/>
        <source>This image is still in the clinic&apos;s bucket and not yet on this PC; connect to the clinic&apos;s network and try again (it is fetched first).</source>
        <translation>Dieses Bild liegt noch im Bucket der Praxis und nicht auf diesem PC; verbinden Sie den PC mit dem Netz der Praxis und versuchen Sie es erneut (das Bild wird zuerst geholt).</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="96"/>
        <source>A photo of patient {mrn} from the visit of {visit_date} could not be fetched from the clinic&apos;s bucket: {reason}. Nothing was exported.</source>
        <translation>Ein Foto des Patienten {mrn} vom Besuch am {visit_date} konnte nicht aus dem Bucket der Praxis geholt werden: {reason}. Es wurde nichts exportiert.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="100"/>
        <source>the clinic&apos;s bucket cannot be reached (is this PC offline?)</source>
        <translation>der Bucket der Praxis ist nicht erreichbar (ist dieser PC offline?)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="101"/>
        <source>it is missing there or damaged</source>
        <translation>es fehlt dort oder ist beschädigt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="106"/>
        <source>This workstation&apos;s vault was restored from a backup or copied from another PC, and its sync identity is already in use. Its changes are kept; set this PC up again with an enrollment code (pixiodoc sync join) and re-enter them.</source>
        <translation>Der Tresor dieses Arbeitsplatzes wurde aus einer Sicherung wiederhergestellt oder von einem anderen PC kopiert, und seine Synchronisationskennung wird bereits verwendet. Seine Änderungen bleiben erhalten; richten Sie diesen PC mit einem Einrichtungscode neu ein (pixiodoc sync join) und geben Sie die Änderungen erneut ein.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="110"/>
        <source>An enrollment code has {count} letters and digits in groups of 4; check what you typed.</source>
        <translation>Ein Einrichtungscode hat {count} Buchstaben und Ziffern in Vierergruppen; prüfen Sie Ihre Eingabe.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="114"/>
        <source>The enrollment code has a typo (its last group does not match).</source>
        <translation>Der Einrichtungscode enthält einen Tippfehler (die letzte Gruppe passt nicht).</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="115"/>
        <source>An enrollment code is valid for 1 minute to 24 hours.</source>
        <translation>Ein Einrichtungscode ist 1 Minute bis 24 Stunden gültig.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="116"/>
        <source>This enrollment code has expired; ask an Admin for a new one.</source>
        <translation>Dieser Einrichtungscode ist abgelaufen; bitten Sie einen Admin um einen neuen.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="117"/>
        <source>This enrollment code was already used to join a PC ({when} UTC); it works once. Ask an Admin for a new one.</source>
        <translation>Dieser Einrichtungscode wurde schon verwendet, um einen PC einzurichten ({when} UTC); er gilt nur einmal. Bitten Sie einen Admin um einen neuen.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="121"/>
        <source>Another PC is joining with this enrollment code right now; ask an Admin for a new code.</source>
        <translation>Ein anderer PC richtet sich gerade mit diesem Einrichtungscode ein; bitten Sie einen Admin um einen neuen Code.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="125"/>
        <source>No enrollment waits under this code in the bucket (it was used, expired, or the bucket or prefix differs from the Admin&apos;s PC).</source>
        <translation>Unter diesem Code wartet im Bucket keine Einrichtung (er wurde schon verwendet, ist abgelaufen, oder Bucket bzw. Präfix unterscheiden sich vom PC des Admins).</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="129"/>
        <source>This enrollment code does not open the enrollment.</source>
        <translation>Dieser Einrichtungscode öffnet die Einrichtung nicht.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="130"/>
        <source>No clinic in this bucket and prefix opens with that recovery key.</source>
        <translation>Keine Praxis in diesem Bucket und Präfix lässt sich mit diesem Wiederherstellungsschlüssel öffnen.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="133"/>
        <source>Joining needs an enrollment code or the recovery key.</source>
        <translation>Zum Beitreten wird ein Einrichtungscode oder der Wiederherstellungsschlüssel benötigt.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="135"/>
        <source>The practice&apos;s keys were renewed on another workstation ({renewed_at} UTC); this workstation no longer syncs with the old keys and sent nothing. Ask a practice Admin for an enrollment code and re-join this workstation with it (pixiodoc sync rejoin --code CODE); its changes are kept and go out then.</source>
        <translation>Die Schlüssel der Praxis wurden an einem anderen Arbeitsplatz erneuert ({renewed_at} UTC); dieser Arbeitsplatz synchronisiert nicht mehr mit den alten Schlüsseln und hat nichts gesendet. Bitten Sie einen Praxis-Admin um einen Einrichtungscode und verbinden Sie diesen Arbeitsplatz damit neu (pixiodoc sync rejoin --code CODE); seine Änderungen bleiben erhalten und werden dann gesendet.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="139"/>
        <source>This enrollment code belongs to another clinic&apos;s vault; ask a practice Admin of this clinic for one.</source>
        <translation>Dieser Einrichtungscode gehört zum Tresor einer anderen Praxis; bitten Sie einen Praxis-Admin dieser Praxis um einen.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/sync.py" line="143"/>
        <source>This workstation already has the practice&apos;s current keys; there is nothing to re-join (the code can still set up a new PC while it is valid).</source>
        <translation>Dieser Arbeitsplatz hat bereits die aktuellen Schlüssel der Praxis; es gibt nichts neu zu verbinden (der Code kann, solange er gilt, noch einen neuen PC einrichten).</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/bundles.py" line="9"/>
        <source>{file} is not a case bundle file</source>
        <translation>{file} ist keine Fallpaket-Datei</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/bundles.py" line="11"/>
        <source>Case bundle from {clinic}, made {date}; sender verified (key {key})</source>
        <translation>Fallpaket von {clinic}, erstellt {date}; Absender bestätigt (Schlüssel {key})</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/bundles.py" line="15"/>
        <source>Case bundle from {clinic}, made {date}; sender not verified (signed with key {key}, which this clinic has not exchanged keys with; compare it with the sender)</source>
        <translation>Fallpaket von {clinic}, erstellt {date}; Absender nicht bestätigt (signiert mit Schlüssel {key}, den diese Praxis nicht ausgetauscht hat; vergleichen Sie ihn mit dem Absender)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/bundles.py" line="19"/>
        <source>Case bundle from {clinic}, made {date}; sender not verified (the bundle is not signed)</source>
        <translation>Fallpaket von {clinic}, erstellt {date}; Absender nicht bestätigt (das Paket ist nicht signiert)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/bundles.py" line="23"/>
        <source>This is not a PixioDoc case bundle (.pxcase)</source>
        <translation>Dies ist kein PixioDoc-Fallpaket (.pxcase)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/bundles.py" line="27"/>
        <source>The case bundle is damaged or incomplete</source>
        <translation>Das Fallpaket ist beschädigt oder unvollständig</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/bundles.py" line="31"/>
        <source>The case bundle is damaged (its header is unreadable)</source>
        <translation>Das Fallpaket ist beschädigt (sein Kopf ist unlesbar)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/bundles.py" line="35"/>
        <source>This case bundle was made by a newer PixioDoc; update to open it</source>
        <translation>Dieses Fallpaket wurde mit einem neueren PixioDoc erstellt; aktualisieren Sie PixioDoc, um es zu öffnen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/bundles.py" line="39"/>
        <source>The case bundle was refused: it holds {count} entries (limit {limit})</source>
        <translation>Das Fallpaket wurde abgelehnt: Es enthält {count} Einträge (Grenze {limit})</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/bundles.py" line="43"/>
        <source>The case bundle was refused: its entry {entry} would unpack from {packed} to {unpacked} (a decompression bomb)</source>
        <translation>Das Fallpaket wurde abgelehnt: Sein Eintrag {entry} würde sich von {packed} auf {unpacked} entpacken (eine Dekompressionsbombe)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/bundles.py" line="47"/>
        <source>The case bundle was refused: it unpacks to {unpacked} (limit {cap})</source>
        <translation>Das Fallpaket wurde abgelehnt: Es entpackt sich auf {unpacked} (Grenze {cap})</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/bundles.py" line="51"/>
        <source>The case bundle is too large: {bundle_size} (limit {cap})</source>
        <translation>Das Fallpaket ist zu groß: {bundle_size} (Grenze {cap})</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/bundles.py" line="55"/>
        <source>This case bundle is protected by a passphrase; enter it</source>
        <translation>Dieses Fallpaket ist mit einer Passphrase geschützt; geben Sie sie ein</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/bundles.py" line="59"/>
        <source>The case bundle asks for an unreasonable key derivation</source>
        <translation>Das Fallpaket verlangt eine unvernünftige Schlüsselableitung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/bundles.py" line="63"/>
        <source>The case bundle is damaged (unknown protection)</source>
        <translation>Das Fallpaket ist beschädigt (unbekannter Schutz)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/bundles.py" line="67"/>
        <source>The case bundle was altered or damaged after it was made; ask for a new one</source>
        <translation>Das Fallpaket wurde nach dem Erstellen verändert oder beschädigt; bitten Sie um ein neues</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/bundles.py" line="71"/>
        <source>The case bundle&apos;s contents are damaged</source>
        <translation>Der Inhalt des Fallpakets ist beschädigt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/bundles.py" line="75"/>
        <source>The case bundle was altered (its expiry dates disagree)</source>
        <translation>Das Fallpaket wurde verändert (seine Ablaufdaten stimmen nicht überein)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/bundles.py" line="79"/>
        <source>This case bundle expired on {date}; ask for a new one</source>
        <translation>Dieses Fallpaket ist am {date} abgelaufen; bitten Sie um ein neues</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/bundles.py" line="83"/>
        <source>The case bundle was refused: its entry {entry} unpacks to {unpacked} (limit {cap})</source>
        <translation>Das Fallpaket wurde abgelehnt: Sein Eintrag {entry} entpackt sich auf {unpacked} (Grenze {cap})</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/bundles.py" line="87"/>
        <source>The case bundle&apos;s contents are incomplete</source>
        <translation>Der Inhalt des Fallpakets ist unvollständig</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/bundles.py" line="91"/>
        <source>This case bundle was imported already on {date} (patient {patient}); open that record instead</source>
        <translation>Dieses Fallpaket wurde bereits am {date} importiert (Patient {patient}); öffnen Sie stattdessen diese Akte</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/bundles.py" line="95"/>
        <source>The case bundle&apos;s contents are damaged (its {part} part)</source>
        <translation>Der Inhalt des Fallpakets ist beschädigt (sein Teil {part})</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/bundles.py" line="99"/>
        <source>The case bundle was altered after it was made (its signature does not match); ask for a new one</source>
        <translation>Das Fallpaket wurde nach dem Erstellen verändert (seine Signatur stimmt nicht); bitten Sie um ein neues</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/bundles.py" line="103"/>
        <source>The passphrase is wrong for this case bundle</source>
        <translation>Die Passphrase ist für dieses Fallpaket falsch</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/bundles.py" line="107"/>
        <source>This case bundle was made for another clinic&apos;s case key</source>
        <translation>Dieses Fallpaket wurde für den Fallschlüssel einer anderen Praxis erstellt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/bundles.py" line="111"/>
        <source>This computer has no working credential store for the sync secret (Windows Credential Manager, macOS Keychain, or a Secret Service such as GNOME Keyring or KWallet); set one up or unlock it, then configure sync again. Nothing was saved.</source>
        <translation>Dieser Computer hat keinen funktionierenden Anmeldedatenspeicher für das Sync-Geheimnis (Windows-Anmeldeinformationsverwaltung, macOS-Schlüsselbund oder ein Secret Service wie GNOME Keyring oder KWallet); richten Sie einen ein oder entsperren Sie ihn und richten Sie den Sync dann erneut ein. Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/outline.py" line="27"/>
        <source>Only a workspace admin changes the clinic&apos;s settings</source>
        <translation>Nur ein Arbeitsbereich-Administrator ändert die Einstellungen der Praxis</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/phone.py" line="9"/>
        <source>The phone server cannot listen on port {port}: {reason}</source>
        <translation>Der Telefon-Server kann nicht auf Port {port} empfangen: {reason}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/phone.py" line="10"/>
        <source>The phone server&apos;s certificate {file} cannot be loaded: {reason}</source>
        <translation>Das Zertifikat {file} des Telefon-Servers lässt sich nicht laden: {reason}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/phone.py" line="11"/>
        <source>The phone server&apos;s certificate file {file} does not exist</source>
        <translation>Die Zertifikatsdatei {file} des Telefon-Servers existiert nicht</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/phone.py" line="30"/>
        <source>A phone outside the clinic network sends its photos through the clinic&apos;s sync bucket, and sync is not set up on this workstation; connect the phone to the clinic network, or set up sync.</source>
        <translation>Ein Telefon außerhalb des Praxisnetzes sendet seine Fotos über den Cloud-Speicher der Praxis, und die Synchronisation ist an diesem Arbeitsplatz nicht eingerichtet; verbinden Sie das Telefon mit dem Praxisnetz oder richten Sie die Synchronisation ein.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/phone.py" line="35"/>
        <source>A secure link needs the clinic&apos;s sync bucket, and sync is not set up on this workstation; send a case bundle instead (pixiodoc case export), or set up sync.</source>
        <translation>Ein sicherer Link braucht den Cloud-Speicher der Praxis, und die Synchronisation ist an diesem Arbeitsplatz nicht eingerichtet; senden Sie stattdessen ein Fallpaket (pixiodoc case export) oder richten Sie die Synchronisation ein.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/outline.py" line="9"/>
        <source>The automatic outline needs a colour photo</source>
        <translation>Der automatische Umriss braucht ein Farbfoto</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/outline.py" line="10"/>
        <source>The stored image of photo {photo} cannot be decoded</source>
        <translation>Das gespeicherte Bild des Fotos {photo} lässt sich nicht dekodieren</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/outline.py" line="11"/>
        <source>The photo has no calibration (pixels per mm); calibrate it to measure the lesion</source>
        <translation>Das Foto hat keine Kalibrierung (Pixel pro mm); kalibrieren Sie es, um die Läsion zu messen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/outline.py" line="15"/>
        <source>No lesion stands out from the skin in this photo</source>
        <translation>Auf diesem Foto hebt sich keine Läsion von der Haut ab</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/outline.py" line="16"/>
        <source>The lesion runs off the edge of the photo; take it again with the whole lesion in view</source>
        <translation>Die Läsion reicht über den Rand des Fotos hinaus; nehmen Sie es erneut mit der ganzen Läsion im Bild auf</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/outline.py" line="20"/>
        <source>The photo is too blurred to find the lesion&apos;s border; take it again in focus</source>
        <translation>Das Foto ist zu unscharf, um den Rand der Läsion zu finden; nehmen Sie es scharf erneut auf</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/outline.py" line="23"/>
        <source>Hair covers too much of the lesion&apos;s border to outline it; move or trim the hair, or use immersion fluid, and take it again</source>
        <translation>Haare verdecken zu viel vom Rand der Läsion, um sie zu umreißen; streichen Sie die Haare beiseite oder kürzen Sie sie, oder verwenden Sie Immersionsflüssigkeit, und nehmen Sie es erneut auf</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/phone.py" line="12"/>
        <source>The phone port {port} is in use by another program; choose another port</source>
        <translation>Der Telefon-Port {port} wird von einem anderen Programm benutzt; wählen Sie einen anderen Port</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/phone.py" line="15"/>
        <source>The phone server&apos;s certificate file {file} cannot be read (check its permissions)</source>
        <translation>Die Zertifikatsdatei {file} des Telefon-Servers lässt sich nicht lesen (prüfen Sie ihre Zugriffsrechte)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/phone.py" line="19"/>
        <source>The phone server&apos;s certificate file {file} holds no PEM certificate</source>
        <translation>Die Zertifikatsdatei {file} des Telefon-Servers enthält kein PEM-Zertifikat</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/phone.py" line="22"/>
        <source>The phone server&apos;s key file {file} holds no PEM private key without a password</source>
        <translation>Die Schlüsseldatei {file} des Telefon-Servers enthält keinen privaten PEM-Schlüssel ohne Passwort</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/phone.py" line="26"/>
        <source>The phone server&apos;s key file {file} does not belong to the certificate {cert}</source>
        <translation>Die Schlüsseldatei {file} des Telefon-Servers gehört nicht zum Zertifikat {cert}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/phone.py" line="29"/>
        <source>The phone server&apos;s certificate {file} expired on {date}</source>
        <translation>Das Zertifikat {file} des Telefon-Servers ist am {date} abgelaufen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="17"/>
        <source>The patient&apos;s {field} is required</source>
        <translation>Das Feld „{field}“ des Patienten muss ausgefüllt sein</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="18"/>
        <source>The patient&apos;s {field} is longer than 200 characters</source>
        <translation>Das Feld „{field}“ des Patienten ist länger als 200 Zeichen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="19"/>
        <source>The patient&apos;s {field} contains a text-direction override (U+{code}), which could make it display as a different name</source>
        <translation>Das Feld „{field}“ des Patienten enthält eine Schreibrichtungsumkehr (U+{code}), durch die ein anderer Name angezeigt werden könnte</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="20"/>
        <source>The patient&apos;s {field} contains a control character (U+{code})</source>
        <translation>Das Feld „{field}“ des Patienten enthält ein Steuerzeichen (U+{code})</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="21"/>
        <source>the {field} contains a text-direction override (U+{code}), which could make it display as a different name</source>
        <translation>„{field}“ enthält eine Schreibrichtungsumkehr (U+{code}), durch die ein anderer Name angezeigt werden könnte</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="22"/>
        <source>the {field} contains a control character (U+{code})</source>
        <translation>„{field}“ enthält ein Steuerzeichen (U+{code})</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="23"/>
        <source>family name</source>
        <translation>Familienname</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="24"/>
        <source>given name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="25"/>
        <source>external id</source>
        <translation>Patientennummer</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="26"/>
        <source>The date of birth lies in the future</source>
        <translation>Das Geburtsdatum liegt in der Zukunft</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="27"/>
        <source>The date of birth is more than 130 years ago</source>
        <translation>Das Geburtsdatum liegt mehr als 130 Jahre zurück</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="28"/>
        <source>Another patient already has the external id {id}</source>
        <translation>Ein anderer Patient hat bereits die Patientennummer {id}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="29"/>
        <source>There is no patient {id}</source>
        <translation>Es gibt keinen Patienten {id}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="30"/>
        <source>{value} is not a {what}; choose one of: {allowed}</source>
        <translation>{value} ist kein gültiger Wert für „{what}“; möglich sind: {allowed}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="31"/>
        <source>sex</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="32"/>
        <source>modality</source>
        <translation>Aufnahmeart</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="33"/>
        <source>consent scope</source>
        <translation>Einwilligungsbereich</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="34"/>
        <source>{code} is not a body site code; `pixiodoc body-sites` lists them (e.g. forearm-left, face, upper-back)</source>
        <translation>{code} ist kein Körperstellen-Code; `pixiodoc body-sites` listet sie auf (z. B. forearm-left, face, upper-back)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="36"/>
        <source>The body map has no view {view}; choose front, back, left, right, head, hands or feet</source>
        <translation>Die Körperkarte hat keine Ansicht {view}; wählen Sie front, back, left, right, head, hands oder feet (vorn, hinten, links, rechts, Kopf, Hände, Füße)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="37"/>
        <source>A place on the body map must lie within the map</source>
        <translation>Eine Stelle auf der Körperkarte muss innerhalb der Karte liegen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="38"/>
        <source>A visit cannot be dated in the future</source>
        <translation>Ein Besuch kann nicht in der Zukunft liegen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="39"/>
        <source>There is no visit {id}</source>
        <translation>Es gibt keinen Besuch {id}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="40"/>
        <source>There is no visit {id} for this patient</source>
        <translation>Dieser Patient hat keinen Besuch {id}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="41"/>
        <source>A tracked lesion needs a label, e.g. &apos;naevus left shoulder&apos;</source>
        <translation>Eine verfolgte Läsion braucht eine Bezeichnung, z. B. „Nävus linke Schulter“</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="42"/>
        <source>A lesion&apos;s status is one of {allowed}, not {value}</source>
        <translation>Der Status einer Läsion ist einer von {allowed}, nicht {value}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="43"/>
        <source>A biopsy or excision cannot be dated in the future</source>
        <translation>Eine Biopsie oder Exzision kann nicht in der Zukunft liegen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="44"/>
        <source>A lesion&apos;s procedure is a biopsy or an excision, not {value}</source>
        <translation>Der Eingriff an einer Läsion ist eine Biopsie oder eine Exzision, nicht {value}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="45"/>
        <source>There is no lesion {id}</source>
        <translation>Es gibt keine Läsion {id}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="46"/>
        <source>There is no photo {id}</source>
        <translation>Es gibt kein Foto {id}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="47"/>
        <source>A tag is longer than 60 characters</source>
        <translation>Ein Schlagwort ist länger als 60 Zeichen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="48"/>
        <source>The magnification must be a positive number</source>
        <translation>Die Vergrößerung muss eine positive Zahl sein</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="49"/>
        <source>That lesion belongs to another patient</source>
        <translation>Diese Läsion gehört zu einem anderen Patienten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="50"/>
        <source>That visit does not belong to this patient</source>
        <translation>Dieser Besuch gehört nicht zu diesem Patienten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="51"/>
        <source>{path} is a folder; give a file name to export to</source>
        <translation>{path} ist ein Ordner; geben Sie einen Dateinamen für den Export an</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="52"/>
        <source>The folder {path} does not exist</source>
        <translation>Der Ordner {path} existiert nicht</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="54"/>
        <source>A comparison needs at least two photos of this site or lesion</source>
        <translation>Für einen Vergleich braucht es mindestens zwei Fotos dieser Stelle oder Läsion</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="55"/>
        <source>A comparison needs at least two photos of this site or lesion taken the same way ({how}); choose a mixed pair in the compare window</source>
        <translation>Für einen Vergleich braucht es mindestens zwei gleich aufgenommene Fotos dieser Stelle oder Läsion ({how}); ein gemischtes Paar wählen Sie im Vergleichsfenster</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="56"/>
        <source>Both photos of a comparison must be of the same patient</source>
        <translation>Beide Fotos eines Vergleichs müssen vom selben Patienten sein</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="57"/>
        <source>Choose two different photos to compare</source>
        <translation>Wählen Sie zwei verschiedene Fotos zum Vergleichen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="58"/>
        <source>A comparison holds at most {limit} marks</source>
        <translation>Ein Vergleich fasst höchstens {limit} Markierungen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="59"/>
        <source>The title is longer than 200 characters</source>
        <translation>Der Titel ist länger als 200 Zeichen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="60"/>
        <source>One of the compared photos does not exist</source>
        <translation>Eines der verglichenen Fotos existiert nicht</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="61"/>
        <source>There is no comparison {id}</source>
        <translation>Es gibt keinen Vergleich {id}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="62"/>
        <source>An annotation&apos;s points must be pairs of numbers</source>
        <translation>Die Punkte einer Anmerkung müssen Zahlenpaare sein</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="63"/>
        <source>An annotation lies far outside the photo</source>
        <translation>Eine Anmerkung liegt weit außerhalb des Fotos</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="64"/>
        <source>A {kind} annotation needs {count} point(s) or more</source>
        <translation>Eine Anmerkung vom Typ {kind} braucht {count} oder mehr Punkte</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="65"/>
        <source>arrow</source>
        <translation>Pfeil</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="66"/>
        <source>circle</source>
        <translation>Kreis</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="67"/>
        <source>outline</source>
        <translation>Umriss</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="68"/>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="69"/>
        <source>An annotation&apos;s text is longer than {limit} characters</source>
        <translation>Der Text einer Anmerkung ist länger als {limit} Zeichen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="70"/>
        <source>A text annotation needs some text</source>
        <translation>Eine Textanmerkung braucht einen Text</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="71"/>
        <source>An annotation has an unknown kind or side</source>
        <translation>Eine Anmerkung hat eine unbekannte Art oder Seite</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="72"/>
        <source>A measurement has an unknown kind or side</source>
        <translation>Eine Messung hat eine unbekannte Art oder Seite</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="73"/>
        <source>The comparison {id} belongs to another patient</source>
        <translation>Der Vergleich {id} gehört zu einem anderen Patienten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="74"/>
        <source>The comparison {id} is not in the chosen visits</source>
        <translation>Der Vergleich {id} gehört nicht zu den gewählten Besuchen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="75"/>
        <source>The photo {id} is not in the chosen visits</source>
        <translation>Das Foto {id} gehört nicht zu den gewählten Besuchen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="76"/>
        <source>The photo&apos;s calibration must be a positive number of pixels per mm</source>
        <translation>Die Kalibrierung des Fotos muss eine positive Zahl Pixel pro mm sein</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="77"/>
        <source>Trace at least three points around the outline</source>
        <translation>Setzen Sie mindestens drei Punkte rund um den Umriss</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="78"/>
        <source>Trace at least two points</source>
        <translation>Setzen Sie mindestens zwei Punkte</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="79"/>
        <source>A distance needs exactly two points</source>
        <translation>Ein Abstand braucht genau zwei Punkte</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="80"/>
        <source>Only measurements of the same kind can be compared</source>
        <translation>Nur Messungen derselben Art lassen sich vergleichen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="81"/>
        <source>One photo is calibrated and the other is not; calibrate both to compare in mm</source>
        <translation>Ein Foto ist kalibriert, das andere nicht; kalibrieren Sie beide, um in mm zu vergleichen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="82"/>
        <source>Alignment needs 8-bit images</source>
        <translation>Die Ausrichtung braucht 8-Bit-Bilder</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="83"/>
        <source>Place at least three point pairs to fix the alignment</source>
        <translation>Setzen Sie mindestens drei Punktpaare, um die Ausrichtung festzulegen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="84"/>
        <source>The points lie on one line; spread them over the photo</source>
        <translation>Die Punkte liegen auf einer Linie; verteilen Sie sie über das Foto</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="85"/>
        <source>These point pairs do not give an alignment</source>
        <translation>Diese Punktpaare ergeben keine Ausrichtung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="86"/>
        <source>The stored alignment is not a 3x3 matrix</source>
        <translation>Die gespeicherte Ausrichtung ist keine 3×3-Matrix</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="87"/>
        <source>Both photos must be in the same frame (align the later one first)</source>
        <translation>Beide Fotos müssen im selben Bildausschnitt liegen (richten Sie zuerst das spätere aus)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="88"/>
        <source>Not a PNG file</source>
        <translation>Keine PNG-Datei</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="89"/>
        <source>Normalisation needs 8-bit colour photos</source>
        <translation>Der Lichtausgleich braucht 8-Bit-Farbfotos</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="90"/>
        <source>The photos hardly overlap; there is nothing to normalise against</source>
        <translation>Die Fotos überlappen kaum; es gibt nichts, woran sich das Licht angleichen ließe</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="91"/>
        <source>Normalisation needs the aligned photo in the earlier photo&apos;s frame</source>
        <translation>Der Lichtausgleich braucht das ausgerichtete Foto im Bildausschnitt des früheren</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="93"/>
        <source>A lesion&apos;s {what} must be a finite, positive number</source>
        <translation>Der Wert „{what}“ einer Läsion muss eine endliche, positive Zahl sein</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="94"/>
        <source>An outline has at most {limit} points</source>
        <translation>Ein Umriss hat höchstens {limit} Punkte</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="95"/>
        <source>An outline&apos;s points must be finite numbers</source>
        <translation>Die Punkte eines Umrisses müssen endliche Zahlen sein</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="96"/>
        <source>A measurement comes from {allowed}, not {value}</source>
        <translation>Eine Messung stammt aus {allowed}, nicht aus {value}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="97"/>
        <source>There is no photo {id} of this patient</source>
        <translation>Dieser Patient hat kein Foto {id}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="98"/>
        <source>The growth threshold lies between {low} and {high} mm</source>
        <translation>Die Wachstumsschwelle liegt zwischen {low} und {high} mm</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="99"/>
        <source>area</source>
        <translation>Fläche</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="100"/>
        <source>diameter</source>
        <translation>Durchmesser</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="101"/>
        <source>asymmetry</source>
        <translation>Asymmetrie</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="102"/>
        <source>perimeter</source>
        <translation>Umfang</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="104"/>
        <source>A series protocol needs at least one pose</source>
        <translation>Ein Serienprotokoll braucht mindestens eine Pose</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="105"/>
        <source>A series protocol has at most {limit} poses</source>
        <translation>Ein Serienprotokoll hat höchstens {limit} Posen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="106"/>
        <source>A pose appears twice in the series protocol</source>
        <translation>Eine Pose kommt im Serienprotokoll zweimal vor</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="107"/>
        <source>{value} is not a pose code (letters, digits and &apos;-&apos;)</source>
        <translation>{value} ist kein Posen-Code (Buchstaben, Ziffern und „-“)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="108"/>
        <source>A pose&apos;s name has at most {limit} printable characters</source>
        <translation>Der Name einer Pose hat höchstens {limit} druckbare Zeichen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="110"/>
        <source>The calibration must be a positive number of pixels per mm</source>
        <translation>Die Kalibrierung muss eine positive Zahl Pixel pro mm sein</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="111"/>
        <source>The field of view must be wider than 0 mm</source>
        <translation>Das Bildfeld muss breiter als 0 mm sein</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="112"/>
        <source>The distance on the ruler must be more than 0 mm</source>
        <translation>Der Abstand auf dem Lineal muss größer als 0 mm sein</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="113"/>
        <source>Click two points further apart on the ruler</source>
        <translation>Klicken Sie zwei weiter auseinanderliegende Punkte auf dem Lineal an</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="114"/>
        <source>A device profile needs the device&apos;s name</source>
        <translation>Ein Geräteprofil braucht den Namen des Geräts</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="116"/>
        <source>There is no clinician with the login {login}</source>
        <translation>Es gibt keinen Benutzer mit der Anmeldung {login}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="117"/>
        <source>{role} is not a role; choose admin or clinician</source>
        <translation>{role} ist keine Rolle; wählen Sie Admin (admin) oder Arzt/Ärztin (clinician)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="118"/>
        <source>The clinician needs a display name</source>
        <translation>Der Benutzer braucht einen Anzeigenamen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="119"/>
        <source>The login {login} is already taken</source>
        <translation>Die Anmeldung {login} ist bereits vergeben</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="120"/>
        <source>You cannot deactivate your own account</source>
        <translation>Sie können Ihr eigenes Konto nicht deaktivieren</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="121"/>
        <source>The practice must keep at least one active Admin</source>
        <translation>Die Praxis muss mindestens einen aktiven Admin behalten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="122"/>
        <source>{login} is deactivated; reactivate the account first</source>
        <translation>{login} ist deaktiviert; aktivieren Sie das Konto zuerst wieder</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="123"/>
        <source>A login is 1-64 characters without spaces, e.g. dr.weber</source>
        <translation>Eine Anmeldung hat 1–64 Zeichen ohne Leerzeichen, z. B. dr.weber</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="124"/>
        <source>The clinic needs a name (it appears on reports)</source>
        <translation>Die Praxis braucht einen Namen (er steht auf den Berichten)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="125"/>
        <source>The first Admin needs a display name</source>
        <translation>Der erste Admin braucht einen Anzeigenamen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="126"/>
        <source>The new password must differ from the current one</source>
        <translation>Das neue Passwort muss sich vom bisherigen unterscheiden</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="127"/>
        <source>A recovery key has {count} letters and digits in 9 groups of 4; please check what you typed</source>
        <translation>Ein Wiederherstellungsschlüssel hat {count} Buchstaben und Ziffern in 9 Gruppen zu 4; bitte prüfen Sie Ihre Eingabe</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="128"/>
        <source>The recovery key has a typo (its last group does not match)</source>
        <translation>Der Wiederherstellungsschlüssel enthält einen Tippfehler (seine letzte Gruppe passt nicht)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="129"/>
        <source>{level} is not an access level; choose view, edit or admin</source>
        <translation>{level} ist keine Zugriffsstufe; wählen Sie Ansehen (view), Bearbeiten (edit) oder Admin (admin)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="130"/>
        <source>The licence names an unknown plan {plan}</source>
        <translation>Die Lizenz nennt einen unbekannten Tarif {plan}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="131"/>
        <source>Say why you need this record in at least {count} characters (e.g. &apos;urgent referral, record holder absent&apos;)</source>
        <translation>Begründen Sie in mindestens {count} Zeichen, warum Sie diese Akte brauchen (z. B. „dringende Überweisung, Aktenverantwortliche abwesend“)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="132"/>
        <source>Keep the reason under {limit} characters</source>
        <translation>Halten Sie die Begründung unter {limit} Zeichen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="133"/>
        <source>An emergency access lasts 1 to {limit} hours</source>
        <translation>Ein Notfallzugriff dauert 1 bis {limit} Stunden</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="134"/>
        <source>You already have access to this record; no emergency needed</source>
        <translation>Sie haben bereits Zugriff auf diese Akte; kein Notfall nötig</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="135"/>
        <source>Enter the patient&apos;s number (MRN) exactly as the EHR shows it</source>
        <translation>Geben Sie die Patientennummer (MRN) genau so ein, wie das Praxisverwaltungssystem sie zeigt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="136"/>
        <source>No patient has this number; check it against the EHR</source>
        <translation>Kein Patient hat diese Nummer; prüfen Sie sie im Praxisverwaltungssystem</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="137"/>
        <source>There is no emergency access {id}</source>
        <translation>Es gibt keinen Notfallzugriff {id}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="139"/>
        <source>{text} is not a valid {what}; use YYYY-MM-DD</source>
        <translation>{text} ist kein gültiges {what}; bitte als JJJJ-MM-TT</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="140"/>
        <source>start date</source>
        <translation>Anfangsdatum</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="141"/>
        <source>end date</source>
        <translation>Enddatum</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="142"/>
        <source>{value} is not an audit event type</source>
        <translation>{value} ist keine Ereignisart des Protokolls</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="143"/>
        <source>{value} is not an export format; choose csv or json</source>
        <translation>{value} ist kein Exportformat; wählen Sie csv oder json</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="144"/>
        <source>Keep audit events between {low} and {high} days (US practices often keep six years: 2190 days)</source>
        <translation>Bewahren Sie Protokolleinträge zwischen {low} und {high} Tagen auf (US-Praxen oft sechs Jahre: 2190 Tage)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="146"/>
        <source>The chosen visits make a bundle of {size} (limit {limit}); share fewer visits at a time</source>
        <translation>Die gewählten Besuche ergeben ein Paket von {size} (Grenze {limit}); geben Sie weniger Besuche auf einmal frei</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="147"/>
        <source>The chosen visits hold no photos to share</source>
        <translation>Die gewählten Besuche enthalten keine Fotos zum Freigeben</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="148"/>
        <source>The chosen lesion does not belong to this patient</source>
        <translation>Die gewählte Läsion gehört nicht zu diesem Patienten</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="149"/>
        <source>{value} is not a link lifetime; write e.g. 3d, 12h or 90m</source>
        <translation>{value} ist keine Gültigkeitsdauer für einen Link; schreiben Sie z. B. 3d, 12h oder 90m</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="150"/>
        <source>A link lives between 1 hour and 7 days</source>
        <translation>Ein Link gilt zwischen 1 Stunde und 7 Tagen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="151"/>
        <source>Use a passcode of at least {count} characters</source>
        <translation>Verwenden Sie einen Zugangscode mit mindestens {count} Zeichen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="152"/>
        <source>There is no secure link {id} on this workstation</source>
        <translation>Auf diesem Arbeitsplatz gibt es keinen sicheren Link {id}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="153"/>
        <source>There is no secure link {id} in this clinic</source>
        <translation>In dieser Praxis gibt es keinen sicheren Link {id}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="154"/>
        <source>The secure link {id} is {state} already</source>
        <translation>Der sichere Link {id} ist bereits {state}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="155"/>
        <source>revoked</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="156"/>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="157"/>
        <source>There is no open note conflict {id}</source>
        <translation>Es gibt keinen offenen Notizkonflikt {id}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="158"/>
        <source>The record of note conflict {id} is gone</source>
        <translation>Die Akte des Notizkonflikts {id} gibt es nicht mehr</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="159"/>
        <source>{id} is not an image object id</source>
        <translation>{id} ist keine Bildobjekt-Kennung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="161"/>
        <source>{part} in the mapping is not FIELD=COLUMN</source>
        <translation>{part} in der Zuordnung ist nicht FELD=SPALTE</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="162"/>
        <source>{field} is not a patient field; map some of: {fields}</source>
        <translation>{field} ist kein Patientenfeld; ordnen Sie einige hiervon zu: {fields}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="163"/>
        <source>The mapping needs at least family=COLUMN (the family name)</source>
        <translation>Die Zuordnung braucht mindestens family=SPALTE (den Familiennamen)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="164"/>
        <source>The delimiter is one character, e.g. ; or ,</source>
        <translation>Das Trennzeichen ist ein einzelnes Zeichen, z. B. ; oder ,</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="165"/>
        <source>Choose the encoding {encodings}</source>
        <translation>Wählen Sie die Zeichenkodierung {encodings}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="166"/>
        <source>Line {line} is not valid {encoding} text</source>
        <translation>Zeile {line} ist kein gültiger {encoding}-Text</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="167"/>
        <source>Line {line} is not valid {encoding} text (try --encoding cp1252)</source>
        <translation>Zeile {line} ist kein gültiger {encoding}-Text (versuchen Sie --encoding cp1252)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="168"/>
        <source>The file has no column {column} (columns found: {columns}); check the mapping and the delimiter</source>
        <translation>Die Datei hat keine Spalte {column} (gefundene Spalten: {columns}); prüfen Sie Zuordnung und Trennzeichen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="170"/>
        <source>{path} is a folder; give a file name for the backup</source>
        <translation>{path} ist ein Ordner; geben Sie einen Dateinamen für die Sicherung an</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="171"/>
        <source>Put the backup outside the vault folder (e.g. on another disk)</source>
        <translation>Legen Sie die Sicherung außerhalb des Tresorordners ab (z. B. auf einem anderen Datenträger)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="172"/>
        <source>The backup could not be written to {path}: {reason}</source>
        <translation>Die Sicherung konnte nicht nach {path} geschrieben werden: {reason}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="173"/>
        <source>There is no backup file at {path}</source>
        <translation>Unter {path} gibt es keine Sicherungsdatei</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="174"/>
        <source>{path} is not empty; restore into a new folder</source>
        <translation>{path} ist nicht leer; stellen Sie in einen neuen Ordner wieder her</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="175"/>
        <source>{path} is damaged (its manifest names no backup format)</source>
        <translation>{path} ist beschädigt (sein Inhaltsverzeichnis nennt kein Sicherungsformat)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="176"/>
        <source>{path} was made by a newer PixioDoc; update to restore it</source>
        <translation>{path} wurde von einem neueren PixioDoc erstellt; aktualisieren Sie, um sie wiederherzustellen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="177"/>
        <source>{path} is damaged or not a PixioDoc backup</source>
        <translation>{path} ist beschädigt oder keine PixioDoc-Sicherung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="178"/>
        <source>{path} is damaged (its manifest is unreadable)</source>
        <translation>{path} ist beschädigt (sein Inhaltsverzeichnis ist unlesbar)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="179"/>
        <source>{path} is not a PixioDoc backup (parts are missing)</source>
        <translation>{path} ist keine PixioDoc-Sicherung (Teile fehlen)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="180"/>
        <source>{path} contains an unexpected entry; refusing to restore it</source>
        <translation>{path} enthält einen unerwarteten Eintrag; die Wiederherstellung wird abgelehnt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="181"/>
        <source>This record is under a retention hold and cannot be erased: {reason}. An Admin can release the hold when it no longer applies.</source>
        <translation>Diese Akte unterliegt einer Aufbewahrungssperre und kann nicht gelöscht werden: {reason}. Ein Admin kann die Sperre aufheben, wenn sie nicht mehr gilt.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="182"/>
        <source>To erase, type the patient&apos;s family name exactly as it is on the record</source>
        <translation>Zum Löschen geben Sie den Familiennamen des Patienten genau so ein, wie er in der Akte steht</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="183"/>
        <source>A retention hold needs a reason (e.g. &apos;statutory retention until 2035&apos;)</source>
        <translation>Eine Aufbewahrungssperre braucht einen Grund (z. B. „gesetzliche Aufbewahrung bis 2035“)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="184"/>
        <source>The reason for a retention hold is longer than 500 characters</source>
        <translation>Der Grund für eine Aufbewahrungssperre ist länger als 500 Zeichen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="186"/>
        <source>The setting {name} must be {kind}</source>
        <translation>Die Einstellung {name} muss {kind} sein</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="187"/>
        <source>a whole number</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="188"/>
        <source>text in quotes</source>
        <translation>Text in Anführungszeichen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="189"/>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="190"/>
        <source>Auto-lock must be between 1 and 240 minutes</source>
        <translation>Die automatische Sperre muss zwischen 1 und 240 Minuten liegen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="191"/>
        <source>Language must be one of {allowed}</source>
        <translation>Die Sprache muss eine von {allowed} sein</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="192"/>
        <source>Theme must be one of {allowed}</source>
        <translation>Das Farbschema muss eines von {allowed} sein</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="193"/>
        <source>The thumbnail cache must be between 32 and 4096 MB</source>
        <translation>Der Vorschaubild-Speicher muss zwischen 32 und 4096 MB liegen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="194"/>
        <source>The phone port must be between 1024 and 65535</source>
        <translation>Der Port für Telefone muss zwischen 1024 und 65535 liegen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="195"/>
        <source>The phone certificate needs both files: certificate and key</source>
        <translation>Das Telefon-Zertifikat braucht beide Dateien: Zertifikat und Schlüssel</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="196"/>
        <source>A bucket name has 3-63 characters: lower-case letters, digits, dots and hyphens</source>
        <translation>Ein Bucket-Name hat 3–63 Zeichen: Kleinbuchstaben, Ziffern, Punkte und Bindestriche</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="197"/>
        <source>The endpoint URL starts with https:// (or http:// on a local network)</source>
        <translation>Die Endpunkt-URL beginnt mit https:// (oder http:// in einem lokalen Netz)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="198"/>
        <source>The prefix is a path like clinic/pixiodoc without empty parts</source>
        <translation>Das Präfix ist ein Pfad wie clinic/pixiodoc ohne leere Teile</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="199"/>
        <source>Both the access key and the secret are needed</source>
        <translation>Zugriffsschlüssel und Geheimnis werden beide gebraucht</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="201"/>
        <source>The logo is larger than 1 MB; use a smaller PNG or JPEG</source>
        <translation>Das Logo ist größer als 1 MB; verwenden Sie ein kleineres PNG oder JPEG</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="202"/>
        <source>The logo file is not a readable PNG or JPEG</source>
        <translation>Die Logodatei ist kein lesbares PNG oder JPEG</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="203"/>
        <source>The logo must be a PNG or JPEG of reasonable size</source>
        <translation>Das Logo muss ein PNG oder JPEG vernünftiger Größe sein</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="205"/>
        <source>The {what} has 1-16 plain characters (e.g. ORTHANC, PIXIODOC)</source>
        <translation>{what}: 1–16 einfache Zeichen (z. B. ORTHANC, PIXIODOC)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="206"/>
        <source>PACS&apos;s AE title</source>
        <translation>AE-Titel des PACS</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="207"/>
        <source>workstation&apos;s AE title</source>
        <translation>AE-Titel des Arbeitsplatzes</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="208"/>
        <source>worklist&apos;s AE title</source>
        <translation>AE-Titel der Arbeitsliste</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="209"/>
        <source>The PACS host is required (a name or an IP address)</source>
        <translation>Der PACS-Host wird gebraucht (ein Name oder eine IP-Adresse)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="210"/>
        <source>The PACS port is a number from 1 to 65535 (often 104 or 4242)</source>
        <translation>Der PACS-Port ist eine Zahl von 1 bis 65535 (oft 104 oder 4242)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="211"/>
        <source>The DICOMweb URL starts with https:// (or http:// on a local network)</source>
        <translation>Die DICOMweb-URL beginnt mit https:// (oder http:// in einem lokalen Netz)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="212"/>
        <source>No PACS is set up; an Admin sets one with `pixiodoc pacs configure`.</source>
        <translation>Es ist kein PACS eingerichtet; ein Admin richtet es mit `pixiodoc pacs configure` ein.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="213"/>
        <source>The PACS at {host}:{port} cannot be reached ({reason}); check host, port, network and firewall.</source>
        <translation>Das PACS unter {host}:{port} ist nicht erreichbar ({reason}); prüfen Sie Host, Port, Netzwerk und Firewall.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="214"/>
        <source>The PACS at {host}:{port} does not answer; check host, port, network and firewall.</source>
        <translation>Das PACS unter {host}:{port} antwortet nicht; prüfen Sie Host, Port, Netzwerk und Firewall.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="215"/>
        <source>The PACS {title} at {host}:{port} rejected the connection from {ours}; check that the PACS knows this AE title and that the called AE title is right.</source>
        <translation>Das PACS {title} unter {host}:{port} hat die Verbindung von {ours} abgelehnt; prüfen Sie, ob das PACS diesen AE-Titel kennt und der gerufene AE-Titel stimmt.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="216"/>
        <source>The PACS at {host}:{port} cannot be reached ({reason})</source>
        <translation>Das PACS unter {host}:{port} ist nicht erreichbar ({reason})</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="217"/>
        <source>The PACS {title} answered the echo with a failure</source>
        <translation>Das PACS {title} hat den Echo-Test mit einem Fehler beantwortet</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="218"/>
        <source>The PACS refused {count} of {total} images ({reason})</source>
        <translation>Das PACS hat {count} von {total} Bildern abgelehnt ({reason})</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="219"/>
        <source>No DICOMweb URL is set up for the PACS</source>
        <translation>Für das PACS ist keine DICOMweb-URL eingerichtet</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="220"/>
        <source>The PACS refused {count} of {total} images (STOW-RS)</source>
        <translation>Das PACS hat {count} von {total} Bildern abgelehnt (STOW-RS)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="221"/>
        <source>The PACS&apos;s DICOMweb service answered HTTP {code} ({reason}) to the upload</source>
        <translation>Der DICOMweb-Dienst des PACS hat auf das Hochladen mit HTTP {code} ({reason}) geantwortet</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="222"/>
        <source>The DICOMweb service at {url} cannot be reached ({reason})</source>
        <translation>Der DICOMweb-Dienst unter {url} ist nicht erreichbar ({reason})</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="223"/>
        <source>The DICOMweb service at {url} answered HTTP {code} ({reason})</source>
        <translation>Der DICOMweb-Dienst unter {url} hat mit HTTP {code} ({reason}) geantwortet</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="224"/>
        <source>Send by c-store or stow-rs</source>
        <translation>Senden per c-store oder stow-rs</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="225"/>
        <source>The worklist host is required (a name or an IP address)</source>
        <translation>Der Host der Arbeitsliste wird gebraucht (ein Name oder eine IP-Adresse)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="226"/>
        <source>The worklist port is a number from 1 to 65535 (often 104 or 4242)</source>
        <translation>Der Port der Arbeitsliste ist eine Zahl von 1 bis 65535 (oft 104 oder 4242)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="227"/>
        <source>No DICOM worklist is set up; an Admin sets one with `pixiodoc worklist configure`.</source>
        <translation>Es ist keine DICOM-Arbeitsliste eingerichtet; ein Admin richtet sie mit `pixiodoc worklist configure` ein.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="228"/>
        <source>The worklist at {address} aborted the association; check that it is a DICOM worklist.</source>
        <translation>Die Arbeitsliste unter {address} hat die Verbindung abgebrochen; prüfen Sie, ob es eine DICOM-Arbeitsliste ist.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="229"/>
        <source>The worklist {title} at {address} rejected the association from {ours}; check both AE titles.</source>
        <translation>Die Arbeitsliste {title} unter {address} hat die Verbindung von {ours} abgelehnt; prüfen Sie beide AE-Titel.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="230"/>
        <source>The worklist at {address} cannot be reached ({reason}); check host, port, network and firewall.</source>
        <translation>Die Arbeitsliste unter {address} ist nicht erreichbar ({reason}); prüfen Sie Host, Port, Netzwerk und Firewall.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="231"/>
        <source>The worklist at {address} cannot be reached ({reason})</source>
        <translation>Die Arbeitsliste unter {address} ist nicht erreichbar ({reason})</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="232"/>
        <source>The worklist {title} answered the query with {status}</source>
        <translation>Die Arbeitsliste {title} hat die Abfrage mit {status} beantwortet</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="233"/>
        <source>The worklist {title} answered the {what} with {status}</source>
        <translation>Die Arbeitsliste {title} hat auf {what} mit {status} geantwortet</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="234"/>
        <source>performed step (N-CREATE)</source>
        <translation>den begonnenen Schritt (N-CREATE)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="235"/>
        <source>completed step (N-SET)</source>
        <translation>den abgeschlossenen Schritt (N-SET)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="236"/>
        <source>no answer</source>
        <translation>keiner Antwort</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="237"/>
        <source>The worklist has no scheduled step {id}</source>
        <translation>Die Arbeitsliste hat keinen geplanten Schritt {id}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="238"/>
        <source>The scheduled step {id} names no Patient ID</source>
        <translation>Der geplante Schritt {id} nennt keine Patienten-ID</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="240"/>
        <source>{file}: no patient has this patient number (field 3000)</source>
        <translation>{file}: Kein Patient hat diese Patientennummer (Feld 3000)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="241"/>
        <source>The GDT out-folder already holds {name}.001 to {name}.999</source>
        <translation>Der GDT-Ausgangsordner enthält bereits {name}.001 bis {name}.999</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="242"/>
        <source>The GDT out-folder {path} does not exist or cannot be reached</source>
        <translation>Der GDT-Ausgangsordner {path} existiert nicht oder ist nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="243"/>
        <source>The practice software has not collected {file} yet; try again once it has (or use numbered file names)</source>
        <translation>Die Praxissoftware hat {file} noch nicht abgeholt; versuchen Sie es danach erneut (oder verwenden Sie nummerierte Dateinamen)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="244"/>
        <source>The patient has no patient number from the practice software</source>
        <translation>Der Patient hat keine Patientennummer aus der Praxissoftware</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="245"/>
        <source>The patient has no patient number from the practice software (external id)</source>
        <translation>Der Patient hat keine Patientennummer aus der Praxissoftware (externe Kennung)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="246"/>
        <source>Field {field} cannot be written into a GDT record</source>
        <translation>Feld {field} kann nicht in einen GDT-Satz geschrieben werden</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="247"/>
        <source>GDT 2.1 has no UTF-8; choose 7bit, cp437 or iso8859-15</source>
        <translation>GDT 2.1 kennt kein UTF-8; wählen Sie 7bit, cp437 oder iso8859-15</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="248"/>
        <source>The GDT record would be longer than 99,999 bytes</source>
        <translation>Der GDT-Satz wäre länger als 99.999 Bytes</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="249"/>
        <source>{value} is not a GDT character set (use one of: {allowed})</source>
        <translation>{value} ist kein GDT-Zeichensatz (möglich sind: {allowed})</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="250"/>
        <source>The {what} has 1-8 letters or digits (usually 4, e.g. PIXO)</source>
        <translation>{what}: 1–8 Buchstaben oder Ziffern (meist 4, z. B. PIXO)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="251"/>
        <source>GDT id of PixioDoc</source>
        <translation>GDT-Kennung von PixioDoc</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="252"/>
        <source>GDT id of the practice software</source>
        <translation>GDT-Kennung der Praxissoftware</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="253"/>
        <source>The GDT version is 02.10 (GDT 2.1) or 03.00 (GDT 3.0)</source>
        <translation>Die GDT-Version ist 02.10 (GDT 2.1) oder 03.00 (GDT 3.0)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="254"/>
        <source>GDT file names are fixed or numbered</source>
        <translation>GDT-Dateinamen sind fest oder nummeriert</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="255"/>
        <source>File references map archive, format, description, path to 6302-6305</source>
        <translation>Dateiverweise ordnen Archiv, Format, Beschreibung und Pfad den Feldern 6302–6305 zu</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="256"/>
        <source>Each file reference field is used once, and one of them is the path</source>
        <translation>Jedes Dateiverweis-Feld wird einmal verwendet, und eines davon ist der Pfad</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="257"/>
        <source>The GDT {what} {path} does not exist</source>
        <translation>Der GDT-{what} {path} existiert nicht</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="258"/>
        <source>in-folder</source>
        <translation>Eingangsordner</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="259"/>
        <source>out-folder</source>
        <translation>Ausgangsordner</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="260"/>
        <source>The GDT in-folder {path} does not exist</source>
        <translation>Der GDT-Eingangsordner {path} existiert nicht</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="261"/>
        <source>{part}: give ROLE=FIELD with a role of {roles} and a field of 6302-6305</source>
        <translation>{part}: geben Sie ROLLE=FELD an, mit einer Rolle aus {roles} und einem Feld aus 6302–6305</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="262"/>
        <source>No GDT exchange is set up; an Admin sets one with `pixiodoc gdt configure`.</source>
        <translation>Es ist kein GDT-Austausch eingerichtet; ein Admin richtet ihn mit `pixiodoc gdt configure` ein.</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="264"/>
        <source>The upload has no valid upload id</source>
        <translation>Das Hochladen hat keine gültige Kennung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="265"/>
        <source>The upload does not say its size</source>
        <translation>Das Hochladen nennt seine Größe nicht</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="266"/>
        <source>The photo is too large: {size} MB (limit {limit} MB)</source>
        <translation>Das Foto ist zu groß: {size} MB (Grenze {limit} MB)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="267"/>
        <source>Too many photos in one minute (limit {limit}); wait a moment and they are sent again</source>
        <translation>Zu viele Fotos in einer Minute (Grenze {limit}); warten Sie einen Moment, dann werden sie erneut gesendet</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="268"/>
        <source>This pairing code is not known; scan the code shown at the workstation</source>
        <translation>Dieser Kopplungscode ist unbekannt; scannen Sie den Code, den der Arbeitsplatz zeigt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="269"/>
        <source>This pairing code was already used by another phone; open a new pairing at the workstation</source>
        <translation>Dieser Kopplungscode wurde bereits von einem anderen Telefon verwendet; öffnen Sie am Arbeitsplatz eine neue Kopplung</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="270"/>
        <source>The request carries no pairing token</source>
        <translation>Die Anfrage enthält kein Kopplungstoken</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="271"/>
        <source>The pairing token is not known; scan the code shown at the workstation</source>
        <translation>Das Kopplungstoken ist unbekannt; scannen Sie den Code, den der Arbeitsplatz zeigt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="272"/>
        <source>The upload is too short to be an encrypted photo</source>
        <translation>Das Hochgeladene ist zu kurz für ein verschlüsseltes Foto</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="273"/>
        <source>The upload cannot be decrypted with this pairing&apos;s key (a wrong key, or the data was altered on the way)</source>
        <translation>Das Hochgeladene lässt sich mit dem Schlüssel dieser Kopplung nicht entschlüsseln (falscher Schlüssel, oder die Daten wurden unterwegs verändert)</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="274"/>
        <source>The upload holds no photo</source>
        <translation>Das Hochgeladene enthält kein Foto</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="275"/>
        <source>The upload&apos;s description is damaged</source>
        <translation>Die Beschreibung des Hochgeladenen ist beschädigt</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="277"/>
        <source>The patient&apos;s name is empty</source>
        <translation>Der Name des Patienten ist leer</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="278"/>
        <source>Cannot read {file}: {reason}</source>
        <translation>{file} kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="279"/>
        <source>A place on the body map needs --view, --x and --y together</source>
        <translation>Eine Stelle auf der Körperkarte braucht --view, --x und --y zusammen</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="280"/>
        <source>Say where: --view front|back --x FRACTION --y FRACTION</source>
        <translation>Geben Sie die Stelle an: --view front|back --x ANTEIL --y ANTEIL</translation>
    </message>
    <message>
        <location filename="../../pixiodoc_desktop/error_catalogue/records.py" line="281"/>
        <source>The visit {id} was not taken from the worklist</source>
        <translation>Der Besuch {id} stammt nicht aus der Arbeitsliste</translation>
    </message>
</context>
</TS>
