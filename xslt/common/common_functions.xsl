<?xml version="1.0" encoding="UTF-8"?>
<!--
  Functions every target shares: what the edition added, identifiers and pointers, languages,
  block containers, and the labels a page or a text prints (one map, overridable by import).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- White space between the blocks of these containers is layout, not text (they hold no
       running text of their own). -->
  <xsl:strip-space elements="TEI teiCorpus text front body back group div div1 div2 div3 div4 div5
      div6 div7 titlePage docTitle lg sp list listBibl table row castList castGroup figure
      floatingText cit closer opener epigraph argument postscript"/>

  <xsl:key name="tk:id" match="*[@xml:id]" use="string(@xml:id)"/>

  <!-- Labels printed by the stylesheets. A project overrides this variable (or tk:label) in a
       stylesheet that imports tei-to-html.xsl or tei-to-text.xsl, e.g. to translate them. -->
  <xsl:variable name="tk:labels" as="map(xs:string, xs:string)" select="map {
      'author': 'Author',
      'authors': 'Authors',
      'backlink': 'Back to the text',
      'backlink-occurrence': 'Back to occurrence',
      'contents': 'Contents',
      'date': 'Date',
      'editor': 'Editor',
      'editorial-note': 'Editor’s note',
      'first-publication': 'First published',
      'gap': 'text omitted',
      'index': 'Index',
      'licence': 'Licence',
      'notes': 'Notes',
      'orgs': 'Organisations',
      'other': 'Other names',
      'page': 'Page',
      'persons': 'Persons',
      'places': 'Places',
      'publisher': 'Publisher',
      'original': 'Original reading',
      'corrected': 'Edited reading',
      'source': 'Source',
      'subtitle': 'Subtitle',
      'title': 'Title',
      'untitled': 'Untitled document'
    }"/>

  <xsl:function name="tk:label" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="($tk:labels($key), $key)[1]"/>
  </xsl:function>

  <!-- True for an element whose content the edition supplied: corr, reg, supplied and the
       edition's own notes (note[@subtype='added']); the same rule as teikit.reading. -->
  <xsl:function name="tk:is-added" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e[self::corr or self::reg or self::supplied
                                     or self::note[@subtype = 'added']])"/>
  </xsl:function>

  <!-- The language in scope (xml:lang of the element or its nearest ancestor), or ''. -->
  <xsl:function name="tk:lang" as="xs:string">
    <xsl:param name="e" as="node()"/>
    <xsl:sequence select="string(($e/ancestor-or-self::*/@xml:lang)[last()])"/>
  </xsl:function>

  <!-- The ids a pointer attribute names locally: '#a #b' gives ('a', 'b'). -->
  <xsl:function name="tk:local-ids" as="xs:string*">
    <xsl:param name="pointers" as="attribute()?"/>
    <xsl:sequence select="for $t in tokenize(normalize-space($pointers), ' ')[starts-with(., '#')]
                          return substring($t, 2)"/>
  </xsl:function>

  <!-- The element a local pointer ('#id') names in the same document, if any. -->
  <xsl:function name="tk:pointed" as="element()*">
    <xsl:param name="pointers" as="attribute()?"/>
    <xsl:sequence select="for $id in tk:local-ids($pointers)
                          return key('tk:id', $id, root($pointers))"/>
  </xsl:function>

  <!-- A division, numbered or not. -->
  <xsl:function name="tk:is-div" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e[self::div or self::div1 or self::div2 or self::div3 or self::div4
                                     or self::div5 or self::div6 or self::div7])"/>
  </xsl:function>

  <!-- Elements whose children stand as blocks (divisions, line groups, speeches...): a note
       that is their child stands where it is; one inside a paragraph or a line is a footnote. -->
  <xsl:function name="tk:is-block-container" as="xs:boolean">
    <xsl:param name="e" as="element()?"/>
    <xsl:sequence select="exists($e[self::text or self::front or self::body or self::back
        or self::group or self::div or self::div1 or self::div2 or self::div3 or self::div4
        or self::div5 or self::div6 or self::div7 or self::lg or self::sp or self::titlePage
        or self::castList or self::castGroup or self::floatingText or self::figure
        or self::listBibl or self::closer or self::opener or self::postscript
        or self::argument or self::epigraph or self::TEI or self::teiCorpus])"/>
  </xsl:function>

  <!-- Whether an element stands as a block (a child of a block container, of a note, of a
       docTitle...) rather than inside running text: a stage direction, a title-page part, a
       bibliographic entry are either. -->
  <xsl:function name="tk:stands-as-block" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="tk:is-block-container($e/parent::*)
        or exists($e/parent::*[self::note or self::docTitle or self::listBibl or self::sourceDesc])"/>
  </xsl:function>

  <!-- The outermost text element a node belongs to (notes are numbered per text). -->
  <xsl:function name="tk:outer-text" as="element()?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="$n/ancestor-or-self::text[not(ancestor::text)]"/>
  </xsl:function>

  <!-- Terminate with a clear message when an enumerated parameter has a value it does not allow.
       (A named template, not a function: a function's messages may be optimised away.) -->
  <xsl:template name="tk:check-param">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="value" as="xs:string"/>
    <xsl:param name="allowed" as="xs:string+"/>
    <xsl:if test="not($value = $allowed)">
      <xsl:message terminate="yes" error-code="tk:bad-param"
          select="'parameter ' || $name || '=' || $value || ' is not one of: ' || string-join($allowed, ', ')"/>
    </xsl:if>
  </xsl:template>

  <!-- Class tokens from a free-text @rend: 'Italic small-caps' gives ('italic', 'small-caps'). -->
  <xsl:function name="tk:rend-tokens" as="xs:string*">
    <xsl:param name="rend" as="attribute()?"/>
    <xsl:sequence select="for $t in tokenize(lower-case(normalize-space($rend)), '[\s,;]+')[.]
                          return replace($t, '[^a-z0-9\-]', '')[.]"/>
  </xsl:function>

  <!-- The child of a choice shown for the current reading (corr: corr, reg, expan; sic: sic,
       orig, abbr), else its first child. -->
  <xsl:function name="tk:choice-shown" as="element()?">
    <xsl:param name="choice" as="element()"/>
    <xsl:sequence select="(if ($reading = 'sic') then $choice/(sic | orig | abbr)
                           else $choice/(corr | reg | expan), $choice/*)[1]"/>
  </xsl:function>

  <!-- A plain-text rendering (titles, contents, index forms, tooltips): no notes, the reading
       the parameter asks for. -->
  <xsl:mode name="tk:plain" on-no-match="text-only-copy"/>
  <xsl:template match="note" mode="tk:plain"/>
  <xsl:template match="choice" mode="tk:plain">
    <xsl:apply-templates select="tk:choice-shown(.)" mode="tk:plain"/>
  </xsl:template>

  <xsl:function name="tk:plain" as="xs:string*">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="text">
      <xsl:apply-templates select="$nodes" mode="tk:plain"/>
    </xsl:variable>
    <xsl:sequence select="string($text)"/>
  </xsl:function>

  <!-- The plain text of an element, white space collapsed. -->
  <xsl:function name="tk:plain-text" as="xs:string">
    <xsl:param name="e" as="node()*"/>
    <xsl:sequence select="normalize-space(string-join(tk:plain($e)))"/>
  </xsl:function>

</xsl:stylesheet>
