<?xml version="1.0" encoding="UTF-8"?>
<!--
  The title block: what a reader wants from a teiHeader, as an ordered list of fields that each
  target renders in its own way. A field is a map: 'key' (title, subtitle, author, editor, date,
  first-publication, source, resp, licence), 'label' (printed), 'nodes' (the TEI elements whose
  content is the value).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- bibl/@type values that name a first publication (teikit, ELTeC and common usage). -->
  <xsl:variable name="tk:first-publication-types" as="xs:string+"
      select="('firstPublication', 'first-publication', 'firstEdition', 'first-edition', 'firstPublished')"/>

  <!-- The document's main title as plain text: the header's, else the title page's, else a label. -->
  <xsl:function name="tk:main-title" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="stmt" select="$doc/teiHeader/fileDesc/titleStmt"/>
    <xsl:variable name="candidates" select="(tk:main-title-element($doc),
        $doc/text//titlePart[@type = 'main'], $doc/text//docTitle, $doc/text//head)"/>
    <xsl:sequence select="(($candidates ! normalize-space(string(.)))[.], tk:label('untitled'))[1]"/>
  </xsl:function>

  <xsl:function name="tk:main-title-element" as="element()?">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="titles" select="$doc/teiHeader/fileDesc/titleStmt/title[normalize-space()]"/>
    <xsl:sequence select="($titles[@type = 'main'], $titles[not(@type)], $titles[not(@type = ('sub', 'subtitle', 'alt', 'short'))], $titles)[1]"/>
  </xsl:function>

  <xsl:function name="tk:field" as="map(*)?">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="nodes" as="node()*"/>
    <xsl:sequence select="if (exists($nodes)) then map {'key': $key, 'label': $label, 'nodes': $nodes} else ()"/>
  </xsl:function>

  <xsl:function name="tk:title-block" as="map(*)*">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="file" select="$doc/teiHeader/fileDesc"/>
    <xsl:variable name="stmt" select="$file/titleStmt"/>
    <xsl:variable name="main" select="tk:main-title-element($doc)"/>
    <xsl:variable name="bibls" select="$file/sourceDesc/(bibl | biblStruct | biblFull | msDesc)"/>
    <xsl:variable name="first" select="$bibls[@type = $tk:first-publication-types]"/>
    <xsl:variable name="authors" select="$stmt/author[normalize-space()]"/>
    <xsl:sequence select="
        tk:field('title', tk:label('title'), $main),
        tk:field('subtitle', tk:label('subtitle'), $stmt/title[@type = ('sub', 'subtitle')][normalize-space()] except $main),
        tk:field('author', tk:label(if (count($authors) gt 1) then 'authors' else 'author'), $authors),
        tk:field('editor', tk:label('editor'), $stmt/editor[normalize-space()]),
        tk:field('date', tk:label('date'), ($doc/teiHeader/profileDesc/creation/(date, origDate)[normalize-space() or @when])[1]),
        tk:field('first-publication', tk:label('first-publication'), $first ! tk:bibl-as-stated(.)),
        tk:field('source', tk:label('source'),
                 (($bibls except $first) ! tk:bibl-as-stated(.), $file/sourceDesc[empty($bibls)]/p[normalize-space()])),
        for $r in $stmt/respStmt[resp[normalize-space()]]
        return tk:field('resp', normalize-space($r/resp[1]), $r/(* except resp)[normalize-space()]),
        tk:field('licence', tk:label('licence'),
                 ($file/publicationStmt/availability/licence[normalize-space() or @target],
                  $file/publicationStmt/availability[empty(licence)]/p[normalize-space()]))
      "/>
  </xsl:function>

  <!-- A bibliographic entry as its source states it (note[@type='asStated'], teikit's way of
       keeping the words of the source beside their parsed parts), else the entry itself. -->
  <xsl:function name="tk:bibl-as-stated" as="element()">
    <xsl:param name="bibl" as="element()"/>
    <xsl:sequence select="($bibl/note[@type = 'asStated'][normalize-space()], $bibl)[1]"/>
  </xsl:function>

  <!-- The parts of an entry made of elements only, for a comma-separated display: its leaf
       elements, without notes and responsibility labels. -->
  <xsl:function name="tk:bibl-parts" as="element()*">
    <xsl:param name="bibl" as="element()"/>
    <xsl:sequence select="$bibl//*[not(*)][normalize-space() or @target][not(ancestor-or-self::note or self::resp)]"/>
  </xsl:function>

  <!-- A biblScope as a reader expects it: unit volume 1 gives "Vol. 1", page 7 &amp; 8 "pp. 7 &amp; 8". -->
  <xsl:function name="tk:bibl-scope" as="xs:string">
    <xsl:param name="scope" as="element()"/>
    <xsl:variable name="value" select="normalize-space($scope)"/>
    <xsl:variable name="unit" select="lower-case($scope/@unit)"/>
    <xsl:variable name="prefix" select="
        if (matches($value, '^\p{L}')) then ''
        else if ($unit = ('volume', 'vol')) then 'Vol. '
        else if ($unit = ('issue', 'number', 'no')) then 'No. '
        else if ($unit = ('page', 'pp', 'pages')) then (if (matches($value, '[\-–,&amp;]')) then 'pp. ' else 'p. ')
        else if ($unit = 'chapter') then 'ch. '
        else ''"/>
    <xsl:sequence select="$prefix || $value"/>
  </xsl:function>

</xsl:stylesheet>
