<?xml version="1.0" encoding="UTF-8"?>
<!--
  Text structure: TEI and teiCorpus as articles, text, front, body, back, group, divisions and
  their headings, the title page, openers and closers; and the table of contents.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- Divisions with a heading, numbered in document order for their generated ids. -->
  <xsl:variable name="tk:headed-divs" as="element()*"
      select="//text//*[tk:is-div(.)][head][not(ancestor::note)]"/>
  <xsl:variable name="tk:div-number" as="map(xs:string, xs:integer)"
      select="map:merge(for $i in 1 to count($tk:headed-divs) return map:entry(generate-id($tk:headed-divs[$i]), $i))"/>

  <xsl:function name="tk:div-id" as="xs:string">
    <xsl:param name="div" as="element()"/>
    <xsl:sequence select="(tk:own-id($div), 'tk-div-' || $tk:div-number(generate-id($div)))[1]"/>
  </xsl:function>

  <!-- The heading level of a document's title (1; 2 for documents inside a corpus...). -->
  <xsl:function name="tk:doc-level" as="xs:integer">
    <xsl:param name="e" as="node()"/>
    <xsl:sequence select="min((6, count($e/ancestor-or-self::*[self::teiCorpus or self::TEI])))"/>
  </xsl:function>

  <xsl:function name="tk:heading-level" as="xs:integer">
    <xsl:param name="div" as="element()"/>
    <xsl:sequence select="min((6, tk:doc-level($div)
        + count($div/ancestor-or-self::*[tk:is-div(.) or self::floatingText or (self::text and parent::group)])))"/>
  </xsl:function>

  <!-- One document: its title block, contents, text and footnotes. -->
  <xsl:template match="TEI">
    <article>
      <xsl:sequence select="tk:attrs(., ())"/>
      <xsl:if test="$title-block">
        <xsl:call-template name="tk:title-block"/>
      </xsl:if>
      <xsl:call-template name="tk:hook-before-text"/>
      <xsl:if test="$toc">
        <xsl:call-template name="tk:toc"/>
      </xsl:if>
      <xsl:apply-templates select="text"/>
      <xsl:call-template name="tk:standoff-registers"/>
      <xsl:call-template name="tk:apparatus">
        <xsl:with-param name="apps" select="text//app"/>
      </xsl:call-template>
      <xsl:call-template name="tk:footnotes">
        <xsl:with-param name="notes" select="text//note[tk:is-footnote(.)]"/>
      </xsl:call-template>
      <xsl:call-template name="tk:hook-after-text"/>
    </article>
  </xsl:template>

  <xsl:template match="teiCorpus">
    <div>
      <xsl:sequence select="tk:attrs(., ())"/>
      <xsl:if test="$title-block">
        <xsl:call-template name="tk:title-block"/>
      </xsl:if>
      <xsl:apply-templates select="TEI | teiCorpus"/>
    </div>
  </xsl:template>

  <xsl:template match="teiHeader | standOff | facsimile | sourceDoc"/>

  <xsl:template match="text | front | body | back | group">
    <xsl:call-template name="tk:container"/>
  </xsl:template>

  <xsl:template match="div | div1 | div2 | div3 | div4 | div5 | div6 | div7">
    <xsl:param name="tk:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($tk:phrasing) then 'span' else if (head) then 'section' else 'div'}">
      <xsl:sequence select="tk:attrs(., ('tk-div', if ($tk:phrasing) then 'tk-block' else ()), false())"/>
      <xsl:if test="exists(tk:own-id(.)) or (head and not(ancestor::note))">
        <xsl:attribute name="id" select="tk:div-id(.)"/>
      </xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- The first heading of a division is an HTML heading; any other head a paragraph. -->
  <xsl:template match="head">
    <xsl:param name="tk:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="div" select="parent::*[tk:is-div(.) or self::floatingText or self::text]"/>
    <xsl:choose>
      <xsl:when test="$div and not($tk:phrasing) and . is $div/head[1]">
        <xsl:element name="h{tk:heading-level($div)}">
          <xsl:sequence select="tk:attrs(., ())"/>
          <xsl:apply-templates>
            <xsl:with-param name="tk:phrasing" select="true()" tunnel="yes"/>
          </xsl:apply-templates>
        </xsl:element>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="tk:container">
          <xsl:with-param name="block-name" select="'p'"/>
          <xsl:with-param name="inner-phrasing" select="true()"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="titlePage | docTitle | closer | opener | epigraph | argument | postscript
                       | floatingText">
    <xsl:call-template name="tk:container"/>
  </xsl:template>

  <!-- Title-page parts, datelines, signatures: paragraphs when they stand as blocks. -->
  <xsl:template match="titlePart | docAuthor | docDate | docEdition | docImprint | byline | dateline
                       | signed | salute | trailer | imprimatur">
    <xsl:call-template name="tk:block-or-inline">
      <xsl:with-param name="block-name" select="'p'"/>
      <xsl:with-param name="inner-phrasing" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The table of contents of a document, from its divisions' first headings. -->
  <xsl:template name="tk:toc">
    <xsl:variable name="divs" select="text//*[tk:is-div(.)][head][not(ancestor::note)]"/>
    <xsl:if test="count($divs) ge 2">
      <nav class="tk-toc" aria-label="{tk:label('contents')}">
        <xsl:element name="h{min((6, tk:doc-level(.) + 1))}">
          <xsl:attribute name="class" select="'tk-toc-title'"/>
          <xsl:value-of select="tk:label('contents')"/>
        </xsl:element>
        <ol>
          <xsl:apply-templates select="$divs[not(ancestor::*[tk:is-div(.)][head])]" mode="tk:toc"/>
        </ol>
      </nav>
    </xsl:if>
  </xsl:template>

  <xsl:template match="*" mode="tk:toc">
    <xsl:variable name="div" select="."/>
    <xsl:variable name="children" select=".//*[tk:is-div(.)][head][not(ancestor::note)]
        [ancestor::*[tk:is-div(.)][head][1] is $div]"/>
    <li>
      <a href="#{tk:div-id(.)}">
        <xsl:value-of select="tk:plain-text(head[1])"/>
      </a>
      <xsl:if test="$children">
        <ol>
          <xsl:apply-templates select="$children" mode="tk:toc"/>
        </ol>
      </xsl:if>
    </li>
  </xsl:template>

</xsl:stylesheet>
