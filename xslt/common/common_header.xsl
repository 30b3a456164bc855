<?xml version="1.0" encoding="UTF-8"?>
<!--
  The title block: what a reader wants from a teiHeader, as an ordered list of fields that each
  target renders in its own way. A field is a map: 'key' (title, subtitle, series, author,
  editor, date, first-publication, source, witnesses, resp, licence), 'label' (printed), 'nodes'
  (the TEI elements whose content is the value).
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
    <xsl:variable name="candidates" select="(tk:main-title-element($doc),
        $doc/text//titlePart[@type = 'main'], $doc/text//docTitle)"/>
    <xsl:sequence select="(($candidates ! tk:plain-text(.))[.], tk:letter-title($doc),
                           ($doc/text//head ! tk:plain-text(.))[.], tk:label('untitled'))[1]"/>
  </xsl:function>

  <!-- title/@type values of a subtitle, and title/@level and @type values that name what the
       document belongs to (a series, a journal, a collection, the edition), not the work. -->
  <xsl:variable name="tk:subtitle-types" as="xs:string+" select="('sub', 'subtitle', 'alt', 'short', 'desc')"/>
  <xsl:variable name="tk:collection-levels" as="xs:string+" select="('s', 'j')"/>
  <xsl:variable name="tk:collection-types" as="xs:string+"
      select="('series', 'collection', 'corpus', 'edition', 'project', 'parent', 'host', 'journal', 'volume')"/>

  <xsl:function name="tk:is-collection-title" as="xs:boolean">
    <xsl:param name="title" as="element()"/>
    <xsl:sequence select="$title/@level = $tk:collection-levels
                          or lower-case($title/@type) = $tk:collection-types"/>
  </xsl:function>

  <!-- The work's own title: type main (or letter), else level a (an article, a letter, a poem),
       else the first title that is neither a subtitle nor the title of a series or collection
       (400 letters of one edition each get their own title, not the series'). A title whose
       header names only its collection has none: the title page's, or the letter's (below). -->
  <xsl:function name="tk:main-title-element" as="element()?">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="titles" select="$doc/teiHeader/fileDesc/titleStmt/title[normalize-space()]"/>
    <xsl:variable name="own" select="$titles[not(tk:is-collection-title(.))]"/>
    <xsl:sequence select="($titles[@type = ('main', 'letter')], $titles[@level = ('a', 'u')],
                           $own[not(@type = $tk:subtitle-types)], $own,
                           $titles[empty($doc/teiHeader/profileDesc/correspDesc)])[1]"/>
  </xsl:function>

  <!-- A letter without a title of its own: "sender to addressee, date" from its correspDesc. -->
  <xsl:function name="tk:letter-title" as="xs:string?">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="actions" select="$doc/teiHeader/profileDesc/correspDesc/correspAction"/>
    <xsl:variable name="names" select="function($a) {
        string-join(($a/(persName | orgName | name | rs)) ! tk:plain-text(.), ', ')}"/>
    <xsl:variable name="from" select="$names($actions[@type = 'sent'])"/>
    <xsl:variable name="to" select="$names($actions[@type = 'received'])"/>
    <xsl:variable name="date" select="($actions[@type = 'sent']/date ! (tk:plain-text(.)[.], @when)[1])[1]"/>
    <xsl:sequence select="if ($from or $to)
        then string-join((string-join(($from[.], $to[.]), ' ' || tk:label('letter-to') || ' '), $date[.]), ', ')
        else ()"/>
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
        tk:field('series', tk:label('series'), $stmt/title[tk:is-collection-title(.)][normalize-space()] except $main),
        tk:field('author', tk:label(if (count($authors) gt 1) then 'authors' else 'author'), $authors),
        tk:field('editor', tk:label('editor'), $stmt/editor[normalize-space()]),
        tk:field('date', tk:label('date'), ($doc/teiHeader/profileDesc/creation/(date, origDate)[normalize-space() or @when])[1]),
        tk:field('first-publication', tk:label('first-publication'), $first ! tk:bibl-as-stated(.)),
        tk:field('source', tk:label('source'),
                 (($bibls except $first) ! tk:bibl-as-stated(.), $file/sourceDesc[empty($bibls)]/p[normalize-space()])),
        tk:field('witnesses', tk:label('witnesses'), $file/sourceDesc//listWit/witness[normalize-space() or @n]),
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
    <xsl:sequence select="tk:bibl-parts($bibl, false())[normalize-space() or @target]"/>
  </xsl:function>

  <!-- The parts of an entry made of elements only: each child that holds text of its own (or
       a single part), the parts of a child made of elements only (a biblStruct's monogr, its
       imprint). $all: every part (in a text, where no word may be dropped); else no notes and
       no responsibility labels (the title block). -->
  <xsl:function name="tk:bibl-parts" as="element()*">
    <xsl:param name="bibl" as="element()"/>
    <xsl:param name="all" as="xs:boolean"/>
    <xsl:sequence select="for $c in $bibl/*[$all or not(self::resp or self::note)]
        return if (tk:element-only($c) and not(tk:bibl-leaf($c))) then tk:bibl-parts($c, $all) else $c"/>
  </xsl:function>

  <!-- Parts shown whole even when made of elements: a name (forename and surname), a title, a
       note (a footnote of its own), a pointer. -->
  <xsl:function name="tk:bibl-leaf" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e[self::persName or self::orgName or self::placeName or self::name or self::title
                                    or self::author or self::editor or self::date or self::choice or self::note
                                    or self::ref or self::ptr or self::app])"/>
  </xsl:function>

  <!-- A bibliographic entry (or a part of one) made of elements only. -->
  <xsl:function name="tk:element-only" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/*) and not($e/text()[normalize-space()])"/>
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
