<?xml version="1.0" encoding="UTF-8"?>
<!-- Performance texts: speeches, speakers, stage directions, cast lists. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:template match="sp">
    <xsl:call-template name="tk:container"/>
  </xsl:template>

  <xsl:template match="speaker">
    <xsl:call-template name="tk:container">
      <xsl:with-param name="block-name" select="'p'"/>
      <xsl:with-param name="inner-phrasing" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A stage direction: a paragraph among speeches, a span inside a speech's text. -->
  <xsl:template match="stage | move">
    <xsl:call-template name="tk:block-or-inline">
      <xsl:with-param name="block-name" select="'p'"/>
      <xsl:with-param name="inner-phrasing" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A cast list: its heads, then a list of its items and groups (tk:list, html_core.xsl); a
       group is an item holding its heads and a list of its own. -->
  <xsl:template match="castList | castGroup">
    <xsl:call-template name="tk:list">
      <xsl:with-param name="item-names" select="('castItem', 'castGroup')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="castGroup" mode="tk:item-content">
    <xsl:apply-templates select="head"/>
    <xsl:call-template name="tk:list-items">
      <xsl:with-param name="item-names" select="('castItem', 'castGroup')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="role | roleDesc | actor | castItem">
    <xsl:call-template name="tk:inline"/>
  </xsl:template>

</xsl:stylesheet>
