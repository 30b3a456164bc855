<?xml version="1.0" encoding="UTF-8"?>
<!--
  Critical apparatus in the plain text (see common_textcrit.xsl), after the parameter apparatus.
  endnotes: the lemma where the app stands with a lettered mark [a], and after the text the
  apparatus: "[a] lemma A] reading B; om. C". in-place: every reading where the app stands, one
  after the other, with nothing but white space added (the reading text of the document).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:template match="app" mode="tk:flow">
    <xsl:choose>
      <xsl:when test="$apparatus = 'in-place'">
        <xsl:for-each select="node()">
          <xsl:text> </xsl:text>
          <xsl:apply-templates select="." mode="tk:flow"/>
        </xsl:for-each>
        <xsl:text> </xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="tk:app-shown(.)/node()" mode="tk:flow"/>
        <xsl:value-of select="'[' || tk:app-label(.) || ']'"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="rdgGrp" mode="tk:flow">
    <xsl:for-each select="node()">
      <xsl:text> </xsl:text>
      <xsl:apply-templates select="." mode="tk:flow"/>
    </xsl:for-each>
  </xsl:template>

  <!-- The apparatus of a text, after it (apparatus=endnotes). -->
  <xsl:template name="tk:apparatus">
    <xsl:param name="text" as="element()?"/>
    <xsl:variable name="apps" select="$text//app"/>
    <xsl:if test="$apparatus = 'endnotes' and exists($apps)">
      <tk:b kind="head" indent="0">
        <xsl:value-of select="tk:label('apparatus')"/>
      </tk:b>
      <xsl:for-each select="$apps">
        <xsl:variable name="shown" select="tk:app-shown(.)"/>
        <tk:b kind="para" indent="0">
          <xsl:value-of select="'[' || tk:app-label(.) || '] ' || tk:shortened($shown)
                                || string-join(tk:sigla($shown) ! (' ' || .)) || ']'"/>
          <xsl:for-each select="tk:app-readings(.) except $shown">
            <xsl:value-of select="if (position() = 1) then ' ' else '; '"/>
            <xsl:choose>
              <xsl:when test="normalize-space(.) or *">
                <xsl:apply-templates mode="tk:flow"/>
              </xsl:when>
              <xsl:otherwise>
                <xsl:value-of select="tk:label('omitted')"/>
              </xsl:otherwise>
            </xsl:choose>
            <xsl:value-of select="string-join(tk:sigla(.) ! (' ' || .))"/>
          </xsl:for-each>
          <xsl:for-each select="tk:app-notes(.)">
            <xsl:text> </xsl:text>
            <xsl:apply-templates mode="tk:flow"/>
          </xsl:for-each>
        </tk:b>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
