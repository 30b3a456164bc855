<?xml version="1.0" encoding="UTF-8"?>
<!--
  Notes in the plain text, after the parameters notes (the edition's own notes) and
  source-notes (notes that came with the source). An endnote leaves [n] where it stands and
  is printed after its text, numbered from 1 in each text.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:function name="tk:is-endnote" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="exists($note[self::note][ancestor::text])
        and (if ($note/@subtype = 'added') then $notes = 'endnotes'
             else $source-notes = 'endnotes' and tk:is-footnote($note))"/>
  </xsl:function>

  <!-- generate-id() of an endnote -> its number in its outermost text. -->
  <xsl:variable name="tk:endnote-number" as="map(xs:string, xs:integer)" select="map:merge(
      for $t in //text[not(ancestor::text)]
      return let $endnotes := $t//note[tk:is-endnote(.)]
      return for $i in 1 to count($endnotes)
      return map:entry(generate-id($endnotes[$i]), $i))"/>

  <xsl:template match="note" mode="tk:flow">
    <xsl:choose>
      <xsl:when test="tk:is-endnote(.)">
        <xsl:value-of select="'[' || $tk:endnote-number(generate-id(.)) || ']'"/>
      </xsl:when>
      <xsl:when test="@subtype = 'added' and $notes = 'omit'"/>
      <xsl:when test="parent::app or parent::rdgGrp or tk:is-entry(parent::*)">
        <!-- a note of a critical apparatus, read with its readings (apparatus=in-place), or of
             a register's entry, read with it -->
        <xsl:text> </xsl:text>
        <xsl:apply-templates mode="tk:flow"/>
        <xsl:text> </xsl:text>
      </xsl:when>
      <xsl:when test="@subtype = 'added'">
        <!-- notes=inline -->
        <xsl:text>[</xsl:text>
        <xsl:apply-templates mode="tk:flow"/>
        <xsl:text>]</xsl:text>
      </xsl:when>
      <xsl:when test="not(tk:is-footnote(.))">
        <xsl:call-template name="tk:block"/>
      </xsl:when>
      <xsl:otherwise>
        <!-- a source note read where it stands, in running text: set off by white space, so
             that its first and last words never run into the sentence around it -->
        <xsl:text> </xsl:text>
        <xsl:apply-templates mode="tk:flow"/>
        <xsl:text> </xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The endnotes of a text, after it. -->
  <xsl:template name="tk:endnotes">
    <xsl:param name="text" as="element()?"/>
    <xsl:variable name="endnotes" select="$text//note[tk:is-endnote(.)]"/>
    <xsl:if test="exists($endnotes)">
      <tk:b kind="head" indent="0">
        <xsl:value-of select="tk:label('notes')"/>
      </tk:b>
      <xsl:for-each select="$endnotes">
        <tk:b kind="para" indent="0">
          <xsl:value-of select="'[' || position() || '] '"/>
          <xsl:if test="@subtype = 'added'">
            <xsl:value-of select="string-join((tk:label('editorial-note'),
                                               tk:resp-names(@resp)), ', ') || ': '"/>
          </xsl:if>
          <xsl:apply-templates mode="tk:flow"/>
        </tk:b>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
