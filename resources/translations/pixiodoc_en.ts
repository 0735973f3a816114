<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AuditView</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s).</source>
        <translation>
            <numerusform>Exported %n event.</numerusform>
            <numerusform>Exported %n events.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaptureRecordPanel</name>
    <message numerus="yes">
        <source>%n photo(s) taken now</source>
        <translation>
            <numerusform>%n photo taken now</numerusform>
            <numerusform>%n photos taken now</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseFilePage</name>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n visit</numerusform>
            <numerusform>%n visits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportContextDialog</name>
    <message numerus="yes">
        <source>%n photo(s) will be added to the record of %1.</source>
        <translation>
            <numerusform>%n photo will be added to the record of %1.</numerusform>
            <numerusform>%n photos will be added to the record of %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PatientPanel</name>
    <message numerus="yes">
        <source>%1 of more than %Ln patient(s)</source>
        <translation>
            <numerusform>%1 of more than %Ln patient</numerusform>
            <numerusform>%1 of more than %Ln patients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln patient(s)</source>
        <translation>
            <numerusform>%1 of %Ln patient</numerusform>
            <numerusform>%1 of %Ln patients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n patient</numerusform>
            <numerusform>%n patients</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeriesProtocolEditor</name>
    <message numerus="yes">
        <source>%n pose(s)</source>
        <translation>
            <numerusform>%n pose</numerusform>
            <numerusform>%n poses</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message numerus="yes">
        <source>Too many wrong passwords. You can try again in %n second(s).</source>
        <translation>
            <numerusform>Too many wrong passwords. You can try again in %n second.</numerusform>
            <numerusform>Too many wrong passwords. You can try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitPicker</name>
    <message numerus="yes">
        <source>(%n photo(s))</source>
        <translation>
            <numerusform>(%n photo)</numerusform>
            <numerusform>(%n photos)</numerusform>
        </translation>
    </message>
</context>
</TS>
