<?xml version="1.0" encoding="UTF-8"?>
<!--
  teikit: TEI P5 (a TEI or a teiCorpus document) to plain text: the reading text, with the
  choices the parameters make explicit (text_params.xsl). Modules: text_core (the flow of a
  text), text_notes, text_textcrit (the critical apparatus), text_header, text_layout
  (paragraphs, wrapping); shared logic in ../common/.

  To customise, import this stylesheet (https://teikit.invalid/xslt/text/tei-to-text.xsl, which
  teikit resolves to its own copy) and override parameters, tk:labels, templates in mode
  tk:flow, or the hooks tk:hook-title-block, tk:hook-before-text and tk:hook-after-text (each
  returns tk:b blocks; see text_layout.xsl).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:include href="text_params.xsl"/>
  <xsl:include href="../common/common_functions.xsl"/>
  <xsl:include href="../common/common_labels.xsl"/>
  <xsl:include href="../common/common_header.xsl"/>
  <xsl:include href="../common/common_quotations.xsl"/>
  <xsl:include href="../common/common_notes.xsl"/>
  <xsl:include href="../common/common_textcrit.xsl"/>
  <xsl:include href="text_layout.xsl"/>
  <xsl:include href="text_core.xsl"/>
  <xsl:include href="text_notes.xsl"/>
  <xsl:include href="text_textcrit.xsl"/>
  <xsl:include href="text_header.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:call-template name="tk:check-params"/>
    <xsl:variable name="doc" select="(TEI, teiCorpus)[1]"/>
    <xsl:if test="empty($doc)">
      <xsl:message terminate="yes" error-code="tk:not-tei"
          select="'not a TEI document: the root element is ' || name(*) || ', not TEI or teiCorpus in the TEI namespace'"/>
    </xsl:if>
    <xsl:variable name="tree" as="element(tk:b)">
      <tk:b kind="para" indent="0">
        <xsl:apply-templates select="$doc" mode="tk:document"/>
      </tk:b>
    </xsl:variable>
    <xsl:value-of select="tk:layout($tree) || '&#10;'"/>
  </xsl:template>

  <xsl:template name="tk:check-params">
    <xsl:call-template name="tk:check-param">
      <xsl:with-param name="name" select="'reading'"/>
      <xsl:with-param name="value" select="$reading"/>
      <xsl:with-param name="allowed" select="('corr', 'sic')"/>
    </xsl:call-template>
    <xsl:call-template name="tk:check-param">
      <xsl:with-param name="name" select="'notes'"/>
      <xsl:with-param name="value" select="$notes"/>
      <xsl:with-param name="allowed" select="('endnotes', 'inline', 'omit')"/>
    </xsl:call-template>
    <xsl:call-template name="tk:check-param">
      <xsl:with-param name="name" select="'source-notes'"/>
      <xsl:with-param name="value" select="$source-notes"/>
      <xsl:with-param name="allowed" select="('in-place', 'endnotes')"/>
    </xsl:call-template>
    <xsl:call-template name="tk:check-param">
      <xsl:with-param name="name" select="'apparatus'"/>
      <xsl:with-param name="value" select="$apparatus"/>
      <xsl:with-param name="allowed" select="('endnotes', 'in-place')"/>
    </xsl:call-template>
    <xsl:call-template name="tk:check-param">
      <xsl:with-param name="name" select="'header'"/>
      <xsl:with-param name="value" select="$header"/>
      <xsl:with-param name="allowed" select="('block', 'omit')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="teiCorpus" mode="tk:document">
    <xsl:if test="$header = 'block'">
      <xsl:call-template name="tk:title-block"/>
    </xsl:if>
    <xsl:apply-templates select="TEI | teiCorpus" mode="tk:document"/>
  </xsl:template>

  <xsl:template match="TEI" mode="tk:document">
    <xsl:if test="$header = 'block'">
      <xsl:call-template name="tk:title-block"/>
    </xsl:if>
    <xsl:call-template name="tk:hook-before-text"/>
    <xsl:apply-templates select="text" mode="tk:flow"/>
    <xsl:call-template name="tk:apparatus">
      <xsl:with-param name="text" select="text"/>
    </xsl:call-template>
    <xsl:call-template name="tk:endnotes">
      <xsl:with-param name="text" select="text"/>
    </xsl:call-template>
    <xsl:call-template name="tk:hook-after-text"/>
  </xsl:template>

  <!-- Hooks: empty here, for a customisation to fill with tk:b blocks. Context: TEI (or
       teiCorpus for tk:hook-title-block). -->
  <xsl:template name="tk:hook-title-block"/>
  <xsl:template name="tk:hook-before-text"/>
  <xsl:template name="tk:hook-after-text"/>

</xsl:stylesheet>
