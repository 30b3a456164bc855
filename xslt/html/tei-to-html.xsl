<?xml version="1.0" encoding="UTF-8"?>
<!--
  teikit: TEI P5 (a TEI or a teiCorpus document) to one standalone HTML5 page.

  The page: a title block from the header, a table of contents, the text (front, body, back),
  the footnotes of each document, and an index of the persons, places and organisations the
  text names. Parameters: html_params.xsl. Modules, named after the TEI chapters they cover:
  html_textstructure, html_core, html_transcr, html_notes, html_linking, html_namesdates,
  html_verse, html_drama, html_figures, html_textcrit, html_header; the shared logic is in
  ../common/.

  To customise, import this stylesheet and override what you need: parameters, the labels
  variable (tk:labels), any template rule, or one of the named hooks (tk:hook-*), e.g.

    <xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
        xmlns:tk="https://teikit.invalid/ns/xslt">
      <xsl:import href="https://teikit.invalid/xslt/html/tei-to-html.xsl"/>
      <xsl:template name="tk:hook-page-header"><p>My project</p></xsl:template>
    </xsl:stylesheet>

  teikit resolves https://teikit.invalid/xslt/ to its own stylesheets (xslt/catalog.xml);
  nothing is ever fetched from the network.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:include href="html_params.xsl"/>
  <xsl:include href="../common/common_functions.xsl"/>
  <xsl:include href="../common/common_labels.xsl"/>
  <xsl:include href="../common/common_header.xsl"/>
  <xsl:include href="../common/common_quotations.xsl"/>
  <xsl:include href="../common/common_names.xsl"/>
  <xsl:include href="../common/common_notes.xsl"/>
  <xsl:include href="../common/common_textcrit.xsl"/>
  <xsl:include href="html_elements.xsl"/>
  <xsl:include href="html_header.xsl"/>
  <xsl:include href="html_textstructure.xsl"/>
  <xsl:include href="html_core.xsl"/>
  <xsl:include href="html_transcr.xsl"/>
  <xsl:include href="html_notes.xsl"/>
  <xsl:include href="html_linking.xsl"/>
  <xsl:include href="html_namesdates.xsl"/>
  <xsl:include href="html_verse.xsl"/>
  <xsl:include href="html_drama.xsl"/>
  <xsl:include href="html_figures.xsl"/>
  <xsl:include href="html_textcrit.xsl"/>

  <xsl:output method="html" html-version="5.0" encoding="UTF-8" include-content-type="no" indent="yes"/>

  <!-- tei.css (beside this file), read once while the stylesheet compiles: when it runs, teikit's
       Saxon reads nothing but the document it is given. -->
  <xsl:variable name="tk:stylesheet-css" static="yes" as="xs:string"
      select="unparsed-text(resolve-uri('tei.css', static-base-uri()), 'utf-8')"/>

  <xsl:template match="/">
    <xsl:call-template name="tk:check-params"/>
    <xsl:variable name="doc" select="(TEI, teiCorpus)[1]"/>
    <xsl:if test="empty($doc)">
      <xsl:message terminate="yes" error-code="tk:not-tei"
          select="'not a TEI document: the root element is ' || name(*) || ', not TEI or teiCorpus in the TEI namespace'"/>
    </xsl:if>
    <!-- the document's language, else the header's first language when it is a BCP 47 tag -->
    <xsl:variable name="doc-lang" select="($doc/@xml:lang,
        $doc/teiHeader/profileDesc/langUsage/language/@ident[matches(., '^[a-z]{2}(-[A-Za-z0-9]+)*$')])[1]"/>
    <html>
      <xsl:if test="$doc-lang">
        <xsl:attribute name="lang" select="$doc-lang"/>
      </xsl:if>
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="teikit"/>
        <title><xsl:value-of select="tk:main-title($doc)"/></title>
        <xsl:call-template name="tk:style"/>
        <xsl:call-template name="tk:hook-head"/>
      </head>
      <body>
        <xsl:call-template name="tk:hook-page-header"/>
        <main>
          <xsl:apply-templates select="$doc"/>
        </main>
        <xsl:call-template name="tk:index"/>
        <xsl:call-template name="tk:hook-page-footer"/>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="tk:check-params">
    <xsl:call-template name="tk:check-param">
      <xsl:with-param name="name" select="'reading'"/>
      <xsl:with-param name="value" select="$reading"/>
      <xsl:with-param name="allowed" select="('corr', 'sic')"/>
    </xsl:call-template>
    <xsl:call-template name="tk:check-param">
      <xsl:with-param name="name" select="'css'"/>
      <xsl:with-param name="value" select="$css"/>
      <xsl:with-param name="allowed" select="('inline', 'link', 'none')"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The style sheet (tei.css beside this file), and CSS renditions declared in the header. -->
  <xsl:template name="tk:style">
    <xsl:choose>
      <xsl:when test="$css = 'inline'">
        <style>
          <xsl:value-of select="$tk:stylesheet-css"/>
        </style>
      </xsl:when>
      <xsl:when test="$css = 'link'">
        <link rel="stylesheet" href="{$css-href}"/>
      </xsl:when>
    </xsl:choose>
    <xsl:variable name="renditions"
        select="//teiHeader//rendition[@xml:id][not(@scheme) or @scheme = 'css'][normalize-space()]"/>
    <xsl:if test="exists($renditions)">
      <style>
        <xsl:for-each select="$renditions">
          <xsl:value-of select="'.tk-rendition-' || @xml:id || ' { ' || translate(normalize-space(.), '&lt;{}', '') || ' }&#10;'"/>
        </xsl:for-each>
      </style>
    </xsl:if>
  </xsl:template>

  <!-- Hooks: empty here, for a customisation to fill. The context is the document node for the
       page hooks, the TEI element for the text hooks, TEI or teiCorpus for tk:hook-title-block. -->
  <xsl:template name="tk:hook-head"/>
  <xsl:template name="tk:hook-page-header"/>
  <xsl:template name="tk:hook-page-footer"/>
  <xsl:template name="tk:hook-title-block"/>
  <xsl:template name="tk:hook-before-text"/>
  <xsl:template name="tk:hook-after-text"/>

</xsl:stylesheet>
